package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GPU commands in-process. This JVM starts without libjsig, so OpenCL and Aparapi must refuse
 * PoCL here rather than crash; kernels run on the Java backend.
 */
class GpuCommandTest {
    @Test
    void infoListsEveryBackendWithDevicesOrAReason() {
        CliRun run = CliRun.of("gpu", "info");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> backends = run.outLines().stream().filter(l -> !l.startsWith(" ")).map(l -> l.split(":")[0]).toList();
        assertEquals(List.of("cuda", "opencl", "aparapi", "java", "auto"), backends, run::toString);
        assertTrue(run.outLines().contains("java: available, parallel streams on " + Runtime.getRuntime().availableProcessors()
                + " processors"), run::toString);
        assertTrue(run.outLines().stream().anyMatch(l -> l.matches("  0: parallel streams \\(common fork-join pool\\); cpu, \\d+"
                + " compute units, [0-9.]+ GiB, Java .*")), run::toString);
        for (String backend : List.of("cuda", "opencl", "aparapi")) {
            String line = run.outLines().stream().filter(l -> l.startsWith(backend + ":")).findFirst().orElseThrow();
            assertTrue(line.startsWith(backend + ": available, ") || line.length() > (backend + ": unavailable: ").length() + 10,
                    line);
        }
    }

    @Test
    void matmulOverThreeRanksPrintsTimingsAndPassesItsCheck() {
        CliRun run = CliRun.of("-n", "3", "gpu", "matmul", "--backend", "java", "--size", "50", "--repeat", "2");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals("gpu matmul 50x50 float, tiled kernel, 3 ranks on java, best of 2", lines.get(0), run::toString);
        assertTrue(lines.get(2).matches("0 +java:0 +rows 0-16 .*"), run::toString);
        assertTrue(lines.get(4).matches("2 +java:0 +rows 34-49 .*"), run::toString);
        assertTrue(lines.contains("check: max error 0.00 against the Java reference (tolerance 1e-04): ok"), run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("kernel [0-9.]+ ms \\(slowest rank\\), [0-9.]+ GFLOP/s.*")),
                run::toString);
    }

    @Test
    void aMemoryOtherThanTheDefaultIsNamedInTheTitle() {
        CliRun run = CliRun.of("-n", "1", "gpu", "vecadd", "--backend", "java", "--memory", "AUTO", "--size", "100",
                "--repeat", "1");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("gpu vecadd over 100 floats, 1 rank on java (memory auto), best of 1", run.outLines().get(0),
                run::toString);
    }

    @Test
    void vecaddElementwiseAndReduceRunOnJava() {
        for (String[] args : List.of(new String[] {"vecadd"}, new String[] {"elementwise", "y = sqrt(abs(x)) - 2 * x"},
                new String[] {"reduce", "--op", "MAX"})) {
            List<String> command = new java.util.ArrayList<>(List.of("-n", "2", "gpu"));
            command.addAll(List.of(args));
            command.addAll(List.of("--backend", "java", "--size", "1000", "--repeat", "1"));
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("check: ") && l.endsWith(": ok")), run::toString);
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("java loop (1 thread): ")), run::toString);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gpu elementwise 'c = a *' --backend java | bad expression \"c = a *\" at column 8: expected a number, a name or '('",
        "gpu matmul --backend vulkan | backend 'vulkan': expected auto or one of [cuda, opencl, aparapi, java]",
        "gpu reduce --backend java --size 0 --op max | --op max of --size 0: expected 1 or more elements",
        "gpu vecadd --backend java --repeat 0 | --repeat 0: expected 1 or more",
        "gpu matmul --kernel fast | 'fast': expected naive, tiled or blocked",
        "gpu vecadd --backend java --memory host | --memory host: backend java has no zero-copy host buffers",
        "gpu reduce --backend java --memory disk | 'disk': expected auto, device or host"})
    void badInputIsAUsageError(String commandLine, String message) {
        CliRun run = CliRun.of(split(commandLine));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
    }

    @Test
    void anUnavailableBackendSaysWhy() {
        CliRun run = CliRun.of("gpu", "vecadd", "--backend", "cuda", "--size", "10");

        if (run.exitCode() == 0) {
            return;
        }
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("backend cuda is unavailable: "), run::toString);
    }

    // Splits on spaces outside single quotes.
    private static String[] split(String commandLine) {
        List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(commandLine);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args.toArray(String[]::new);
    }
}
