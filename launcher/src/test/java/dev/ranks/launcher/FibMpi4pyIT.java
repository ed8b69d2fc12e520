package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.workloads.fib.FibInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/bench-compare-fib's reference, bench/fib_mpi4py.py (mpi4py and gmpy2 under Open MPI's mpirun),
 * computes what {@code launcher fib} computes: input by input, the same digit count and first and
 * last digits, in both of Ranks' arithmetics, so that the benchmark cannot compare different work.
 * Skips, saying why, without mpirun or Debian's python3 with mpi4py and gmpy2; bin/test installs
 * python3-mpi4py, python3-gmpy2 and openmpi-bin, so it runs in CI.
 */
class FibMpi4pyIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Pattern RESULT = Pattern.compile(
            "\\{\"n\":(\\d+),\"digits\":(\\d+),\"first\":\"(\\d+)\",\"last\":\"(\\d+)\",\"rank\":\\d+,\"ms\":[0-9.]+}");

    @TempDir
    Path dir;

    @Test
    void theReferenceComputesWhatRanksComputes() throws IOException, InterruptedException {
        String missing = missingReference();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        // the edges of one word (93, 94) and of the summary's 128 top bits (185, 186), last digits that
        // start with a zero (F(108)) or end in zeros (F(7500)), and a seeded random batch up to 10^6
        List<Integer> inputs = new ArrayList<>(List.of(0, 1, 2, 10, 93, 94, 108, 185, 186, 1000, 7500, 10_000,
                99_999, 100_000, 250_000, 1_000_000));
        inputs.addAll(FibInputs.random(20, 1_000_000, 42));
        Path file = Files.writeString(dir.resolve("inputs.txt"),
                inputs.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));

        List<String> reference = results(reference(file), inputs.size());
        for (String arith : List.of("gmp", "java")) {
            CliRun ranks = CliRun.of("-n", "3", "fib", "--json", "--arith", arith, "--inputs", file.toString());
            assertEquals(0, ranks.exitCode(), ranks::toString);

            assertEquals(reference, results(ranks.out(), inputs.size()), arith);
        }
        assertEquals("1000000 208988 1953282128 8242546875", reference.get(15));
        assertEquals("108 23 1664102775 0563662096", reference.get(6));
        assertTrue(reference.get(10).endsWith("0000"), () -> reference.get(10));
    }

    /** Each input's "n digits first last", in input order, checking there is one per input. */
    private static List<String> results(String out, int inputs) {
        List<String> results = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = RESULT.matcher(line);
            if (m.matches()) {
                results.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
            }
        }
        assertEquals(inputs, results.size(), out);
        return results;
    }

    private String reference(Path inputs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mpirun", "--oversubscribe", "-np", "3"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-run-as-root");
        }
        command.addAll(List.of(PYTHON.toString(), DocSnippets.ROOT.resolve("bench/fib_mpi4py.py").toString(), "--json",
                "--inputs", inputs.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("PYTHONHOME");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    /** @return why the reference cannot run here, or null when it can */
    private static String missingReference() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing (apt-get install python3-mpi4py python3-gmpy2 openmpi-bin)";
        }
        Process which = new ProcessBuilder("sh", "-c", "command -v mpirun").redirectErrorStream(true).start();
        if (which.waitFor() != 0) {
            return "mpirun is missing (apt-get install openmpi-bin)";
        }
        Process imports = new ProcessBuilder(PYTHON.toString(), "-c", "import gmpy2, mpi4py")
                .redirectErrorStream(true).start();
        String out = new String(imports.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (imports.waitFor() != 0) {
            return "Debian's python3 lacks mpi4py or gmpy2 (apt-get install python3-mpi4py python3-gmpy2): " + out;
        }
        return null;
    }
}
