package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ranks.comm.testkit.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as users do, in its own JVM: exit codes and output as a shell sees them. */
class LauncherIT {
    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "launcher.jar");

    @TempDir
    Path tmp;

    @Test
    void p2pExitsZeroWithTheCookbooksLines() throws Exception {
        Result run = launch("-n", "9", "p2p");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().containsAll(List.of(
                "my rank is : 0", "my rank is : 8",
                "sending data 10000000 to process 4", "sending data hello to process 8",
                "data received is = 10000000", "data1 received is = hello")), run::toString);
    }

    @Test
    void deadlockExitsThreeWithTheReport() throws Exception {
        Result run = launch("-n", "9", "deadlock");

        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 1: recv(source=5"), run::toString);
        assertTrue(run.err().contains("rank 5: recv(source=1"), run::toString);
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Result run = launch("-n", "0", "hello");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("-n must be at least 1, got 0"), run::toString);
        assertEquals(List.of(), run.out(), run::toString);
    }

    @Test
    void aSizeTooLargeForTheHeapExitsTwoSayingHowToRaiseIt() throws Exception {
        // bin/launcher passes RANKS_JAVA_OPTS to this JVM; -Xmx64m stands for a small heap.
        Result bw = launch(List.of("-Xmx64m"), "-n", "2", "bench", "bw", "--max-size", "16m");
        Result vecadd = launch(List.of("-Xmx64m"), "-n", "2", "gpu", "vecadd", "--backend", "java", "--size", "2000000");

        assertEquals(2, bw.exitCode(), bw::toString);
        assertTrue(bw.err().startsWith("bench bw --max-size 16m needs 64 MiB of Java heap, the heap holds "), bw::toString);
        assertTrue(bw.err().contains("; raise it with RANKS_JAVA_OPTS=-Xmx1g"), bw::toString);
        assertEquals(List.of(), bw.out(), bw::toString);
        assertEquals(2, vecadd.exitCode(), vecadd::toString);
        assertTrue(vecadd.err().startsWith("gpu vecadd --size 2000000 on 2 ranks needs "), vecadd::toString);
        assertTrue(!vecadd.err().contains("OutOfMemoryError"), vecadd::toString);
    }

    @Test
    void theLargestVectorThatPassesTheCheckRuns() throws Exception {
        // 43 MiB of arrays in a 64 MiB heap: room for the 10 to 12 MiB the launcher itself has in use by then
        // (1,000,000 needed 54 MiB and failed the check whenever 11 MiB were in use).
        Result run = launch(List.of("-Xmx64m"), "-n", "2", "gpu", "vecadd", "--backend", "java", "--size", "800000",
                "--repeat", "1");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().stream().anyMatch(line -> line.startsWith("check: ") && line.endsWith(": ok")), run::toString);
    }

    @Test
    void onJava22OrLaterNativeCodeLoadsWithoutAWarning() throws Exception {
        Optional<Path> java = Jdks.java(22);
        Assumptions.assumeTrue(java.isPresent(), Jdks.missing(22));

        // fib computes in GMP through JNA, which loads its native library with System.load, a
        // restricted method; the jar's manifest enables native access for its classes.
        Result run = launch(java.get(), List.of(), "-n", "2", "fib", "10", "--arith", "gmp");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().stream().anyMatch(line -> line.startsWith("10 ") && line.endsWith(" 55")), run::toString);
        assertTrue(run.out().stream().anyMatch(line -> line.contains("gmp arithmetic")), run::toString);
        assertFalse(run.err().contains("WARNING"), run::toString);
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(List.of(), args);
    }

    private Result launch(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return launch(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions, args);
    }

    private Result launch(Path java, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), () -> JAR.toAbsolutePath() + " is missing: expected the shaded jar");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("launcher " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, List<String> out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + err;
        }
    }
}
