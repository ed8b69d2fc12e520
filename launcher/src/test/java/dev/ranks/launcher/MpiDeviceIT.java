package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ranks.comm.testkit.Jdks;
import dev.ranks.mpi.MpiImplementation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --device mpi} on the system's Open MPI and MPICH: jobs run as one JVM per rank, started by
 * the implementation's starter from the launcher jar, print what the local device prints, and end
 * as docs/mpi.md says when a rank fails or {@code --timeout} stops them, leaving no process behind.
 * Each test skips, saying why, where its implementation is not installed.
 */
class MpiDeviceIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The environment variable that marks every process of one run, whatever its command line. */
    private static final String MARK = "RANKS_MPI_IT_MARK";

    @TempDir
    Path cwd;

    /**
     * One run of the launcher jar.
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

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void fibPrintsExactlyWhatTheLocalDevicePrints(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);
        String[] job = {"-n", "4", "fib", "10", "20", "30", "40", "100", "1000"};
        CliRun local = CliRun.of(job);

        Result run = launcher(mpi, job);

        assertEquals(0, local.exitCode(), local::toString);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(masked(local.outLines()), masked(run.out()), run::toString);
        assertNoLeftovers();
    }

    @ParameterizedTest
    @CsvSource({"OPEN_MPI, 1", "OPEN_MPI, 3", "MPICH, 3"})
    void helloRunsOnEveryRank(MpiImplementation mpi, int ranks) throws Exception {
        assumeInstalled(mpi);

        Result run = launcher(mpi, "-n", Integer.toString(ranks), "hello");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(helloLines(ranks), run.out().stream().sorted().toList(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertNoLeftovers();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void aHostfileInAnyFormatReachesTheStarterInItsOwn(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);
        // Open MPI's format for MPICH, MPICH's for Open MPI.
        Files.writeString(cwd.resolve("nodes"), mpi == MpiImplementation.MPICH ? "localhost slots=3\n" : "localhost:3\n");

        Result run = launcher(mpi, "--hostfile", "nodes", "--map-by", "node", "-n", "3", "hello");
        Result tooMany = launcher(mpi, "--hostfile", "nodes", "-n", "4", "hello");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(helloLines(3), run.out().stream().sorted().toList(), run::toString);
        assertEquals(2, tooMany.exitCode(), tooMany::toString);
        assertTrue(tooMany.err().startsWith("hostfile nodes has 3 slots on 1 hosts but 4 ranks were requested"),
                tooMany::toString);
        assertNoLeftovers();
    }

    @Test
    void aUsersProgramRunsInEveryRank() throws Exception {
        assumeInstalled(MpiImplementation.OPEN_MPI);
        UserClasses.mpjPrograms(cwd.resolve("classes"));

        Result run = launcher(MpiImplementation.OPEN_MPI, "-n", "3", "run", "--class-path", "classes", "demo.Counts", "x",
                "-n", "2");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(UserClasses.countsLines(3, "x -n 2"), run.out().stream().sorted().toList(), run::toString);
        assertNoLeftovers();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void aFailingRankEndsTheJobWithItsStackTraceAndExitOne(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);

        // Rank 1 fails while the others wait for rank 0's broadcast to go round.
        Result run = launcher(mpi, "-n", "4", "--fail-rank", "1", "bcast");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 1 failed:\njava.lang.IllegalStateException: rank 1 fails on purpose"),
                run::toString);
        assertTrue(run.err().contains("\tat dev.ranks.launcher.JobOptions"), run::toString);
        // The starters' own notices of the abort are left out; the rank's report says it all.
        assertFalse(run.err().contains("MPI_ABORT") || run.err().contains("MPI_Abort"), run::toString);
        assertTrue(run.wall().toMillis() < 15_000, run::toString);
        assertNoLeftovers();
    }

    @Test
    void aUsersFailingRankEndsTheJobWithTheUsersStackTrace() throws Exception {
        assumeInstalled(MpiImplementation.MPICH);
        UserClasses.mpjPrograms(cwd.resolve("classes"));

        Result run = launcher(MpiImplementation.MPICH, "-n", "3", "run", "--class-path", "classes", "demo.Fails");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 1 failed:\njava.lang.IllegalStateException: user code gives up\n"
                + "\tat rank-1//demo.Fails.main(Fails.java:"), run::toString);
        assertNoLeftovers();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void aTraceHasEveryRanksTrackRegionsAndArrowsFromSendsToReceives(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);
        UserClasses.compile(cwd.resolve("classes"), Map.of("demo.Traced", TraceTest.TRACED));

        Result run = launcher(mpi, "-n", "3", "--trace", "t.json", "run", "--class-path", "classes", "demo.Traced");

        assertEquals(0, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(cwd.resolve("t.json"));
        assertEquals(Set.of("rank 0", "rank 1", "rank 2"), trace.threadNames(), trace::toString);
        for (int r = 0; r < 3; r++) {
            int rank = r;
            assertEquals(1, trace.spans("ring").stream().filter(s -> TraceEvents.rank(s) == rank).count(),
                    trace::toString);
        }
        // MPI's own allreduce runs it, and says so; each of the 3 ring messages and 3 objects has its arrow.
        assertEquals(Set.of("native"), trace.algorithms("allreduce"), trace::toString);
        assertTrue(trace.spans("send").size() >= 6, trace::toString);
        assertEquals(trace.spans("send").size(), trace.arrows().size(), trace::toString);
        trace.assertArrowsGoFromSendsToReceives();
        assertNoLeftovers();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void onJava22OrLaterTheRanksCallMpiThroughFfm(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);
        Optional<Path> java = Jdks.java(22);
        Assumptions.assumeTrue(java.isPresent(), Jdks.missing(22));
        String[] job = {"-n", "3", "fib", "10", "20", "30", "1000"};
        CliRun local = CliRun.of(job);

        // Required, not chosen: a rank JVM without native access would end the job with exit 2.
        Result run = run(Map.of("RANKS_MPI_BINDING", "ffm"), concat(List.of(java.get().toString(), "-jar",
                MpjLaunch.JAR.toString()), List.of("--device", "mpi", "--mpi", mpi.label()), List.of(job)));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(masked(local.outLines()), masked(run.out()), run::toString);
        // Neither the launcher nor a rank warns of native access or of Kryo's use of sun.misc.Unsafe.
        assertFalse(run.err().contains("WARNING"), run::toString);
        assertNoLeftovers();
    }

    @Test
    void aFailedJobLeavesAnEmptyTraceAndSaysWhy() throws Exception {
        assumeInstalled(MpiImplementation.OPEN_MPI);
        Files.writeString(cwd.resolve("t.json"), "an earlier job's trace");

        Result run = launcher(MpiImplementation.OPEN_MPI, "-n", "3", "--fail-rank", "1", "--trace", "t.json", "bcast");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--trace: the job ended with exit code 1 before its ranks could gather their"
                + " parts: 't.json' holds an empty trace"), run::toString);
        assertEquals(List.of(), TraceEvents.read(cwd.resolve("t.json")).all(), run::toString);
        assertNoLeftovers();
    }

    @Test
    void underTheUsersOwnStarterRankZeroWritesTheTrace() throws Exception {
        assumeInstalled(MpiImplementation.MPICH);

        Result run = run(Map.of(), List.of("mpiexec.mpich", "-n", "2", java(), "-cp", MpjLaunch.JAR.toString(),
                Launcher.class.getName(), "--device", "mpi", "--trace", "t.json", "fib", "10", "20"));

        assertEquals(0, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(cwd.resolve("t.json"));
        assertEquals(Set.of("rank 0", "rank 1"), trace.threadNames(), trace::toString);
        assertEquals(2, trace.spans("gather").size(), trace::toString);
        assertNoLeftovers();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void timeoutStopsAJobThatNeverEndsWithExit124(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);

        Result run = launcher(mpi, "-n", "6", "--timeout", "2s", "deadlock");

        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run::toString);
        assertTrue(run.err().endsWith("job exceeded --timeout 2s: stopped all 6 ranks\n"), run::toString);
        assertTrue(run.wall().toMillis() < 12_000, run::toString);
        assertNoLeftovers();
    }

    @Test
    void withoutTheStarterOnThePathTheLauncherNamesThePackagesAndExitsTwo() throws Exception {
        Result run = run(Map.of("PATH", cwd.toString()), List.of(java(), "-jar", MpjLaunch.JAR.toString(), "--device",
                "mpi", "--mpi", "openmpi", "-n", "2", "hello"));

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("install openmpi-bin libopenmpi-dev"), run::toString);
        assertEquals(List.of(), run.out(), run::toString);
    }

    @Test
    void underTheUsersOwnStarterEachProcessIsARank() throws Exception {
        assumeInstalled(MpiImplementation.MPICH);
        List<String> rank = List.of(java(), "-cp", MpjLaunch.JAR.toString(), Launcher.class.getName(), "--device", "mpi");

        Result hello = run(Map.of(), concat(List.of("mpiexec.mpich", "-n", "3"), rank, List.of("hello")));
        Result mismatch = run(Map.of(), concat(List.of("mpiexec.mpich", "-n", "2"), rank, List.of("-n", "3", "hello")));

        assertEquals(0, hello.exitCode(), hello::toString);
        assertEquals(helloLines(3), hello.out().stream().sorted().toList(), hello::toString);
        assertEquals(2, mismatch.exitCode(), mismatch::toString);
        assertTrue(mismatch.err().startsWith("-n 3 does not match the 2 ranks the MPI starter started: leave -n out or"
                + " give -n 2"), mismatch::toString);
        assertNoLeftovers();
    }

    private static void assumeInstalled(MpiImplementation mpi) {
        Assumptions.assumeTrue(onPath(mpi.starter()) && onPath(mpi.compiler()), () -> mpi.label() + " is not installed ("
                + mpi.starter() + " or " + mpi.compiler() + " is not on the PATH): install " + mpi.packages()
                + " to run this test");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private Result launcher(MpiImplementation mpi, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", MpjLaunch.JAR.toString(), "--device", "mpi",
                "--mpi", mpi.label()));
        command.addAll(List.of(args));
        return run(Map.of(), command);
    }

    /** Runs a command in {@link #cwd} with {@link #MARK} in its environment, which every process it starts inherits. */
    private Result run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(MpjLaunch.JAR), () -> MpjLaunch.JAR + " is missing: expected the shaded jar");
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put(MARK, cwd.toString());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(String.join(" ", command) + " did not end within " + LIMIT.toSeconds() + " s\n"
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

    /** Asserts that no process of this test's runs still runs: the starters, their daemons and proxies, the ranks. */
    private void assertNoLeftovers() throws InterruptedException {
        List<String> left = leftovers();
        for (int i = 0; i < 20 && !left.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            left = leftovers();
        }
        assertEquals(List.of(), left, "processes of the job left behind");
    }

    private List<String> leftovers() {
        byte[] mark = (MARK + "=" + cwd + "\0").getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid() && MpiJob.running(p))
                .filter(p -> contains(environment(p), mark))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    private static byte[] environment(ProcessHandle p) {
        try {
            return Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ"));
        } catch (IOException | SecurityException e) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            // Each variable starts at the beginning or after a NUL.
            if (i > 0 && haystack[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<String> helloLines(int ranks) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            lines.add("hello world from process " + r + " of " + ranks);
        }
        return lines.stream().sorted().toList();
    }

    /** The lines in their order, timings (decimal figures) masked and the spaces that align them collapsed. */
    private static List<String> masked(List<String> lines) {
        return lines.stream().map(l -> l.strip().replaceAll("\\d+\\.\\d+", "#").replaceAll("\\s+", " ")).toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return Stream.of(a, b, c).flatMap(List::stream).toList();
    }
}
