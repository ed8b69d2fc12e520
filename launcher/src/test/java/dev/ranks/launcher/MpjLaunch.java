package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the shaded launcher jar in a JVM of its own, as the mpj ITs need (its ranks are further
 * JVMs that MPJ Express starts from the jar), and finds processes a job left behind.
 */
final class MpjLaunch {
    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "launcher.jar").toAbsolutePath();
    private static final Path MPJ_JAR = Path.of("/usr/share/java/mpj.jar");

    private MpjLaunch() {
    }

    /**
     * One run of the launcher.
     *
     * @param exitCode its exit code
     * @param out its stdout lines
     * @param err its stderr
     * @param wall how long it ran
     */
    record Result(int exitCode, List<String> out, String err, Duration wall) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + wall.toMillis() + " ms\n--- stdout\n" + String.join("\n", out)
                    + "\n--- stderr\n" + err;
        }
    }

    /** Skips the calling test, saying why, where Debian's MPJ Express is not installed. */
    static void assumeMpj() {
        Assumptions.assumeTrue(Files.isRegularFile(MPJ_JAR), "MPJ Express is not installed (" + MPJ_JAR
                + " is missing): the mpj device is not built; install libmpj-java to run this test");
    }

    /**
     * Runs {@code java -jar launcher.jar ARGS} in a directory, killing it and its children if it
     * outlives the limit.
     *
     * @param cwd the working directory, which also marks the job's processes (see {@link #leftovers(Path)})
     * @param limit how long it may run
     * @param args the launcher's arguments
     * @return how it ended
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    static Result run(Path cwd, Duration limit, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), () -> JAR + " is missing: expected the shaded jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("launcher " + String.join(" ", args) + " did not end within " + limit.toSeconds() + " s\n"
                        + Files.readString(out) + Files.readString(err));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), wall);
    }

    /**
     * The processes whose command line names a directory: every JVM of an MPJ job names its
     * working directory ({@code -wdir}, and a rank JVM's class path starts with it).
     *
     * @param marker the job's working directory
     * @return a description of each such process still alive
     */
    static List<String> leftovers(Path marker) {
        String mark = marker.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(mark)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    /** Asserts that no process of the job in {@code cwd} is alive, waiting a moment for exits under way. */
    static void assertNoLeftovers(Path cwd) throws InterruptedException {
        List<String> left = leftovers(cwd);
        for (int i = 0; i < 20 && !left.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            left = leftovers(cwd);
        }
        assertEquals(List.of(), left, "processes of the job left behind");
    }

    /**
     * The lines of a run's stdout in order, whitespace collapsed and decimal figures (times) masked,
     * so that runs on two devices compare.
     *
     * @param lines stdout lines
     * @return them sorted, normalised
     */
    static List<String> normalised(List<String> lines) {
        return lines.stream()
                .map(l -> l.strip().replaceAll("\\d+\\.\\d+", "#").replaceAll("\\s+", " "))
                .sorted()
                .toList();
    }
}
