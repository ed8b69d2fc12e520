package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private Result launch(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), () -> JAR.toAbsolutePath() + " is missing: expected the shaded jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
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
