package dev.ranks.launcher;

import static dev.ranks.launcher.MpjLaunch.assertNoLeftovers;
import static dev.ranks.launcher.MpjLaunch.normalised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --device mpj --mpj-dev multicore}: jobs run as rank threads of one JVM that MPJ Express's
 * starter starts, and print what the local device prints; a failing rank, {@code --timeout} and two
 * jobs at once behave as docs/mpj.md says.
 */
class MpjMulticoreIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path cwd;

    @BeforeAll
    static void mpjInstalled() {
        MpjLaunch.assumeMpj();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n 9 p2p", "-n 5 bcast", "-n 4 scatter", "-n 4 gather", "-n 4 alltoall", "-n 5 reduce",
        "-n 4 fib 10 20 30 40 100 1000", "-n 3 cart", "-n 2 mpj-check send-first --bytes 65536",
        "-n 3 mpj-check p2p", "-n 3 --eager-limit 100000 mpj-check p2p"})
    void aJobPrintsWhatTheLocalDevicePrints(String command) throws Exception {
        List<String> args = List.of(command.split(" "));
        CliRun local = CliRun.of(args.toArray(String[]::new));
        List<String> mpjArgs = new ArrayList<>(List.of("--device", "mpj", "--mpj-dev", "multicore"));
        mpjArgs.addAll(args);

        MpjLaunch.Result mpj = MpjLaunch.run(cwd, LIMIT, mpjArgs.toArray(String[]::new));

        assertEquals(0, local.exitCode(), local::toString);
        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(normalised(local.outLines()), normalised(mpj.out()), mpj::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void theRanksPartsOfATraceMergeIntoOneFile() throws Exception {
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "4",
                "--trace", "t.json", "fib", "10", "20", "30", "40");

        assertEquals(0, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(cwd.resolve("t.json"));
        assertEquals(Set.of("rank 0", "rank 1", "rank 2", "rank 3"), trace.threadNames(), trace::toString);
        assertEquals(4, trace.spans("gather").size(), trace::toString);
        assertEquals(trace.spans("send").size(), trace.arrows().size(), trace::toString);
        trace.assertArrowsGoFromSendsToReceives();
        assertNoLeftovers(cwd);
    }

    @Test
    void aUsersProgramRunsWithStaticFieldsOfItsOwnInEachRank() throws Exception {
        UserClasses.mpjPrograms(cwd.resolve("classes"));

        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "4", "run",
                "--class-path", "classes", "demo.Counts", "x", "-n", "2");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(UserClasses.countsLines(4, "x -n 2"), run.out().stream().sorted().toList(), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void aUsersFailingRankEndsTheJobWithTheUsersStackTrace() throws Exception {
        UserClasses.mpjPrograms(cwd.resolve("classes"));

        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "3", "run",
                "--class-path", "classes", "demo.Fails");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 1 failed:\njava.lang.IllegalStateException: user code gives up\n"
                + "\tat rank-1//demo.Fails.main(Fails.java:"), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void aRankThatThrowsEndsTheJobWithItsStackTraceAndExitOne() throws Exception {
        // Rank 0 fails while the other ranks wait for its broadcast, which on MPJ alone would hang.
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "4",
                "--fail-rank", "0", "bcast");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 0 failed:\njava.lang.IllegalStateException: rank 0 fails on purpose"),
                run::toString);
        assertTrue(run.err().contains("\tat dev.ranks.launcher.JobOptions"), run::toString);
        assertTrue(run.wall().toMillis() < 15_000, run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void timeoutStopsAJobThatNeverEndsWithExit124() throws Exception {
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "6",
                "--timeout", "2s", "deadlock");

        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("job exceeded --timeout 2s: stopped all 6 ranks"), run::toString);
        assertTrue(run.wall().toMillis() < 12_000, run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void abortEndsTheJobWithExitOneAndTheCode() throws Exception {
        // Rank 1 aborts while ranks 0 and 2 wait to receive from it.
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "3",
                "mpj-check", "abort", "--code", "7");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 1 failed: called abort(7)"), run::toString);
        assertTrue(run.wall().toMillis() < 15_000, run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void largeSendsFirstDeadlockAsInMpiAndTimeoutEndsThem() throws Exception {
        // Above the eager limit a send waits for its receive, so two ranks sending to each other
        // first wait for good (the local device would diagnose it; mpj cannot): --timeout ends it.
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "2",
                "--timeout", "3s", "mpj-check", "send-first", "--bytes", "65537");

        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run::toString);
        assertEquals(List.of(), run.out(), run::toString);
        assertNoLeftovers(cwd);
    }

    @Test
    void twoJobsAtOnceBothComplete() throws Exception {
        CompletableFuture<MpjLaunch.Result> first = CompletableFuture.supplyAsync(() -> launch("bcast"));
        CompletableFuture<MpjLaunch.Result> second = CompletableFuture.supplyAsync(() -> launch("reduce"));

        for (MpjLaunch.Result run : List.of(first.get(), second.get())) {
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(!run.out().isEmpty(), run::toString);
        }
        assertNoLeftovers(cwd);
    }

    @Test
    void aRanksStderrArrivesOnTheLaunchersStderr() throws Exception {
        MpjLaunch.Result run = MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "3",
                "mpj-check", "stderr");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 to stdout", "rank 1 to stdout", "rank 2 to stdout"),
                run.out().stream().sorted().toList(), run::toString);
        for (int r = 0; r < 3; r++) {
            assertTrue(run.err().contains("rank " + r + " to stderr\n"), run::toString);
        }
    }

    @Test
    void aStoppedLauncherLeavesNoJobDirectoryAndNoJvm() throws Exception {
        // SIGTERM, as Ctrl-C: the JVM runs its shutdown hooks but not the job's finally.
        Path tmp = Files.createDirectory(cwd.resolve("tmp"));
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", MpjLaunch.JAR.toString(), "--device", "mpj", "--mpj-dev",
                "multicore", "-n", "2", "--timeout", "50s", "mpj-check", "send-first", "--bytes", "65537")
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(cwd.resolve("out.txt").toFile())
                .start();
        try {
            // The launcher (its temp dir is in cwd), MPJ's starter and the JVM of the rank threads.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (MpjLaunch.leftovers(cwd).size() < 3 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertEquals(1, jobDirs(tmp).size(), () -> "the job directory under " + tmp);
            TimeUnit.SECONDS.sleep(1);

            launcher.destroy();

            assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "the launcher did not end on SIGTERM");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        assertEquals(List.of(), jobDirs(tmp), Files.readString(cwd.resolve("out.txt")));
        assertNoLeftovers(cwd);
    }

    private static List<Path> jobDirs(Path tmp) throws IOException {
        try (Stream<Path> users = Files.list(tmp)) {
            List<Path> dirs = new ArrayList<>();
            for (Path user : users.toList()) {
                try (Stream<Path> jobs = Files.list(user)) {
                    dirs.addAll(jobs.toList());
                }
            }
            return dirs;
        }
    }

    private MpjLaunch.Result launch(String command) {
        try {
            return MpjLaunch.run(cwd, LIMIT, "--device", "mpj", "--mpj-dev", "multicore", "-n", "4", command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
