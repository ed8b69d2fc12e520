package dev.ranks.launcher;

import static dev.ranks.launcher.MpjLaunch.assertNoLeftovers;
import static dev.ranks.launcher.MpjLaunch.normalised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --device mpj --mpj-dev niodev} on this host: one JVM per rank, started by an MPJ Express
 * daemon that this class runs on a free port in a private MPJ_HOME and stops afterwards, even when
 * a test fails.
 */
class MpjNiodevIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private static Path home;
    private static Process daemon;
    private static int port;

    @TempDir
    Path cwd;

    @BeforeAll
    static void startDaemon() throws Exception {
        MpjLaunch.assumeMpj();
        port = freePort();
        home = MpjHome.create(Files.createTempDirectory("ranks-mpj-daemon-"), new MpjHome.Ports(port, freePort(), freePort()));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("lib/daemon.jar").toString(), "runtime.daemon.MPJDaemon", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(home.resolve("logs/daemon.out").toFile());
        builder.environment().put("MPJ_HOME", home.toString());
        daemon = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!MpjDaemonProbe.probe("localhost", port, Duration.ofSeconds(2)).up()) {
            assertTrue(daemon.isAlive() && System.nanoTime() < deadline, () -> "the MPJ daemon did not come up on port "
                    + port + ": " + log());
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @AfterAll
    static void stopDaemon() throws IOException {
        if (daemon != null) {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n 9 p2p", "-n 5 bcast", "-n 4 alltoall", "-n 3 reduce", "-n 4 fib 10 20 30 40 100 1000",
        "-n 3 mpj-check p2p", "-n 2 mpj-check p2p"})
    void aJobPrintsWhatTheLocalDevicePrints(String command) throws Exception {
        List<String> args = List.of(command.split(" "));
        CliRun local = CliRun.of(args.toArray(String[]::new));

        MpjLaunch.Result mpj = niodev(args.toArray(String[]::new));

        assertEquals(0, local.exitCode(), local::toString);
        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(normalised(local.outLines()), normalised(mpj.out()), mpj::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void aRankThatThrowsEndsTheJobWithinSecondsAndLeavesNoJvm() throws Exception {
        MpjLaunch.Result run = niodev("-n", "4", "--fail-rank", "0", "bcast");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 0 failed:\njava.lang.IllegalStateException: rank 0 fails on purpose"),
                run::toString);
        assertTrue(run.wall().toMillis() < 20_000, run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void aUsersJarRunsInOneJvmPerRank() throws Exception {
        Path classes = UserClasses.mpjPrograms(cwd.resolve("classes"));
        UserClasses.jar(classes, cwd.resolve("counts.jar"), java.util.Map.of("Ranks-Program", "demo.Counts"));

        MpjLaunch.Result run = niodev("-n", "3", "run", "counts.jar", "y");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(UserClasses.countsLines(3, "y"), run.out().stream().sorted().toList(), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void aUsersFailingRankEndsTheJobWithTheUsersStackTrace() throws Exception {
        UserClasses.mpjPrograms(cwd.resolve("classes"));

        MpjLaunch.Result run = niodev("-n", "3", "run", "--class-path", "classes", "demo.Fails");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 1 failed:\njava.lang.IllegalStateException: user code gives up\n"
                + "\tat rank-1//demo.Fails.main(Fails.java:"), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void aRanksStderrArrivesOnTheLaunchersStderr() throws Exception {
        // MPJ's daemons would merge it into the job's stdout: it travels over the control connection.
        MpjLaunch.Result run = niodev("-n", "3", "mpj-check", "stderr");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 to stdout", "rank 1 to stdout", "rank 2 to stdout"),
                run.out().stream().sorted().toList(), run::toString);
        for (int r = 0; r < 3; r++) {
            assertTrue(run.err().contains("rank " + r + " to stderr\n"), run::toString);
        }
        assertNoLeftovers(cwd);
    }

    @Test
    void timeoutStopsAJobThatNeverEnds() throws Exception {
        MpjLaunch.Result run = niodev("-n", "6", "--timeout", "3s", "deadlock");

        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("job exceeded --timeout 3s"), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void hybdevRunsAUsersProgram() throws Exception {
        UserClasses.mpjPrograms(cwd.resolve("classes"));

        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "hybdev", "--daemon-port",
                Integer.toString(port), "-n", "4", "run", "--class-path", "classes", "demo.Counts", "z");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(UserClasses.countsLines(4, "z"), run.out().stream().sorted().toList(), run::toString);
        assertNoLeftovers(cwd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n 4 fib 10 20 30 40 100 1000", "-n 4 mpj-check p2p"})
    void hybdevRunsAJobAsTheLocalDeviceDoes(String command) throws Exception {
        // hybdev: one JVM per host from the same daemon, its ranks as threads. Its ANY_SOURCE
        // receives poll every 2 s (see docs/mpj.md), which p2p's hundreds of frames would show.
        List<String> args = List.of(command.split(" "));
        CliRun local = CliRun.of(args.toArray(String[]::new));
        List<String> all = new ArrayList<>(List.of("--device", "mpj", "--mpj-dev", "hybdev", "--daemon-port",
                Integer.toString(port)));
        all.addAll(args);
        MpjLaunch.Result mpj = MpjLaunch.run(cwd, LIMIT, all.toArray(String[]::new));

        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(normalised(local.outLines()), normalised(mpj.out()), mpj::toString);
        assertTrue(mpj.wall().toMillis() < 30_000, mpj::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void abortEndsTheJobWithExitOneAndTheCodeAndLeavesNoJvm() throws Exception {
        MpjLaunch.Result run = niodev("-n", "3", "mpj-check", "abort", "--code", "7");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 1 failed: called abort(7)"), run::toString);
        assertTrue(run.wall().toMillis() < 20_000, run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void largeSendsFirstDeadlockAsInMpiAndTimeoutEndsThem() throws Exception {
        // niodev would buffer 64 KiB + 1 eagerly itself; Ranks' rendezvous makes the send wait.
        MpjLaunch.Result run = niodev("-n", "2", "--timeout", "3s", "mpj-check", "send-first", "--bytes", "65537");

        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run::toString);
        assertEquals(List.of(), run.out(), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void twoJobsAtOnceDoNotCollideOnTheStartersPort() throws Exception {
        CompletableFuture<MpjLaunch.Result> first = CompletableFuture.supplyAsync(() -> niodevUnchecked("bcast"));
        CompletableFuture<MpjLaunch.Result> second = CompletableFuture.supplyAsync(() -> niodevUnchecked("reduce"));

        for (MpjLaunch.Result run : List.of(first.get(), second.get())) {
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(!run.out().isEmpty(), run::toString);
        }
        assertNoLeftovers(cwd);
    }

    @Test
    void aHostWithoutDaemonIsBadInputNamingHostAndPort() throws Exception {
        int nobody = freePort();
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "niodev", "--daemon-port",
                Integer.toString(nobody), "-n", "2", "hello");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("no MPJ Express daemon answers on localhost:" + nobody), run::toString);
        assertEquals(List.of(), run.out(), run::toString);
    }

    private MpjLaunch.Result niodev(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--device", "mpj", "--mpj-dev", "niodev", "--daemon-port",
                Integer.toString(port)));
        all.addAll(List.of(args));
        return MpjLaunch.run(cwd, LIMIT, all.toArray(String[]::new));
    }

    private MpjLaunch.Result niodevUnchecked(String command) {
        try {
            return niodev("-n", "3", command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String log() {
        try {
            return Files.readString(home.resolve("logs/daemon.out"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
