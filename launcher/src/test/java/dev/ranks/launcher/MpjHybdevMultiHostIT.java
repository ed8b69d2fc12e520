package dev.ranks.launcher;

import static dev.ranks.launcher.MpjLaunch.normalised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --mpj-dev hybdev} across two hosts: one JVM per host holding its ranks as threads, the
 * hosts joined by niodev. The hosts are network namespaces made by tools/netns-cluster.sh, with a
 * prefix and network of their own so that they never meet MultiHostIT's, two ranks on each and an
 * MPJ daemon in each; they are removed afterwards, even when a test fails. Needs root and
 * iproute2, and skips without them, saying so.
 */
class MpjHybdevMultiHostIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path HARNESS = BASEDIR.resolve("../tools/netns-cluster.sh").normalize();
    private static final String PREFIX = "rkh";
    private static final String NET = "10.78.0";
    private static final long JOB_SECONDS = 90;

    private static Path work;
    private static Path hostfile;
    private static String java;

    @BeforeAll
    static void makeTheCluster() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: the hybdev multi-host test needs root"
                + " to make network namespaces (ip netns); run it as root, as CI does");
        assumeTrue(onPath("ip"), "skipped: the ip command (Debian package iproute2) is not on the PATH");
        MpjLaunch.assumeMpj();
        assertTrue(Files.isRegularFile(MpjLaunch.JAR), MpjLaunch.JAR + " is missing: expected the shaded jar");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        work = Files.createTempDirectory("ranks-hybdev");
        hostfile = Files.writeString(work.resolve("two.hosts"), "ranks-node1 slots=2\nranks-node2 slots=2\n");
        try {
            Run up = run(List.of("bash", HARNESS.toString(), "up", "2"));
            assertEquals(0, up.exitCode(), up::toString);
            Run start = daemons("start");
            assertEquals(0, start.exitCode(), start::toString);
        } catch (Throwable e) {
            try {
                tearDown();
            } catch (Throwable cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @AfterAll
    static void tearDown() throws IOException, InterruptedException {
        if (work == null) {
            return;
        }
        try {
            daemons("stop");
        } finally {
            Run down = run(List.of("bash", HARNESS.toString(), "down"));
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            work = null;
            assertEquals(0, down.exitCode(), down::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpj-check p2p", "alltoall"})
    void aJobOnTwoHostsPrintsWhatTheLocalDevicePrints(String command) throws Exception {
        CliRun local = CliRun.of(args("-n", "4", command));

        Run hybdev = inHead(args("--device", "mpj", "--mpj-dev", "hybdev", "--hostfile", hostfile.toString(), "-n", "4",
                command));

        // Each host's JVM numbers its ranks from 0 in MPJ's arguments: a launcher that took those
        // for ranks would count two of four done and end the job with exit 1.
        assertEquals(0, hybdev.exitCode(), hybdev::toString);
        assertEquals(normalised(local.outLines()), normalised(hybdev.out().lines().toList()), hybdev::toString);
    }

    @Test
    void aRanksStderrOnTheSecondHostArrivesOnTheLaunchersStderr() throws Exception {
        Run run = inHead("--device", "mpj", "--mpj-dev", "hybdev", "--hostfile", hostfile.toString(), "-n", "4",
                "mpj-check", "stderr");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 3 to stderr\n") && run.err().contains("rank 2 to stderr\n"), run::toString);
        assertEquals(List.of("rank 0 to stdout", "rank 1 to stdout", "rank 2 to stdout", "rank 3 to stdout"),
                run.out().lines().sorted().toList(), run::toString);
    }

    private static String[] args(String... parts) {
        List<String> all = new ArrayList<>();
        for (String part : parts) {
            all.addAll(Arrays.asList(part.split(" ")));
        }
        return all.toArray(String[]::new);
    }

    private static Run daemons(String action) throws IOException, InterruptedException {
        return inHead("daemons", action, "--hostfile", hostfile.toString(), "--state-dir",
                work.resolve("state").toString(), "--ssh", "bash " + HARNESS + " ssh", "--java", java);
    }

    private static Run inHead(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", HARNESS.toString(), "exec", "head", java, "-jar",
                MpjLaunch.JAR.toString()));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    /**
     * One command's run.
     *
     * @param command what ran
     * @param exitCode its exit code
     * @param out its stdout
     * @param err its stderr
     */
    private record Run(List<String> command, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("RANKS_NETNS_PREFIX", PREFIX);
        builder.environment().put("RANKS_NETNS_NET", NET);
        Process process = builder.start();
        try {
            if (!process.waitFor(JOB_SECONDS, TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not end within " + JOB_SECONDS + " s\n" + Files.readString(out)
                        + Files.readString(err));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/sbin";
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
