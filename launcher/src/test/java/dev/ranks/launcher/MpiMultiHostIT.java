package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.mpi.Mpi;
import dev.ranks.mpi.MpiImplementation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --device mpi} across two hosts, for Open MPI and MPICH: the launcher runs in the head of
 * the pretend cluster of tools/netns-cluster.sh (network namespaces with a prefix and network of
 * their own, so that they never meet the other multi-host tests'), and the starter reaches
 * {@code ranks-node1} and {@code ranks-node2} of a hostfile through a stand-in for ssh, set by the
 * starters' own environment variables as docs/mpi.md says ({@code OMPI_MCA_plm_rsh_agent},
 * {@code HYDRA_LAUNCHER_EXEC}).
 *
 * <p>The stand-in runs the starter's command in a login's environment and home, as sshd does, so
 * that what the ranks on the nodes get is what the starter hands on, not what it inherited. It
 * gives each host its own host name too (a UTS namespace): the namespaces share
 * one file system, /dev/shm included, and Open MPI names its shared-memory segments after the host
 * name and the job, so that two "hosts" of one name would map each other's segments and crash.
 *
 * <p>Needs root, {@code ip} (iproute2) and {@code unshare} (util-linux), and skips without them,
 * saying so; each test skips where its implementation is not installed. The namespaces go away
 * after the class, also when a test fails, and leftovers of an earlier interrupted run first.
 */
class MpiMultiHostIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path HARNESS = BASEDIR.resolve("../tools/netns-cluster.sh").normalize();
    /** The conformance suite's classes, which the mpi module's build compiles before this module's. */
    private static final Path MPI_TEST_CLASSES = BASEDIR.resolve("../mpi/target/test-classes").normalize();
    private static final String PREFIX = "rkm";
    private static final String NET = "10.81.0";
    private static final List<String> NAMESPACES = List.of("head", "node1", "node2");
    private static final long JOB_SECONDS = 60;

    private static Path work;
    private static Path hostfile;
    private static Path agent;
    private static String java;

    @BeforeAll
    static void makeTheCluster() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: the mpi multi-host test needs root to"
                + " make network namespaces (ip netns); run it as root, as CI does");
        assumeTrue(onPath("ip"), "skipped: the ip command (Debian package iproute2) is not on the PATH");
        assumeTrue(onPath("unshare"), "skipped: the unshare command (Debian package util-linux) is not on the PATH");
        assertTrue(Files.isRegularFile(MpjLaunch.JAR), MpjLaunch.JAR + " is missing: expected the shaded jar");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        work = Files.createTempDirectory("ranks-mpi-hosts");
        // MPICH's format: the launcher hands Open MPI its own.
        hostfile = Files.writeString(work.resolve("two.hosts"), "ranks-node1:2\nranks-node2:2\n");
        agent = work.resolve("ssh");
        // What ssh HOST COMMAND does on a cluster: COMMAND on HOST, which has a name of its own, in a
        // login's environment and home rather than the starter's, as sshd runs it. The starters put
        // ssh's options first (Hydra: -x).
        Files.writeString(agent, """
                #!/bin/sh
                while [ "${1#-}" != "$1" ]; do
                    shift
                done
                host=$1
                shift
                cd "$HOME"
                exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$HOME" \\
                    USER=root LOGNAME=root SHELL=/bin/sh RANKS_NETNS_PREFIX=%s RANKS_NETNS_NET=%s \\
                    unshare --uts sh -c 'hostname "$0" && exec bash %s ssh "$0" "$@"' "$host" "$@"
                """.formatted(PREFIX, NET, HARNESS));
        assertTrue(agent.toFile().setExecutable(true), "cannot make " + agent + " executable");
        UserClasses.compile(work.resolve("classes"), Map.of("demo.Where", WHERE));
        try {
            Run up = run(List.of("bash", HARNESS.toString(), "up", "2"));
            assertEquals(0, up.exitCode(), up::toString);
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
            Run down = run(List.of("bash", HARNESS.toString(), "down"));
            assertEquals(0, down.exitCode(), down::toString);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            work = null;
        }
    }

    /**
     * A user's program that says where each rank runs: its host name and the address of its
     * network namespace, the host of its left neighbour in a ring, which it learns by a message
     * (with a megabyte that must arrive intact), and the sum of the ranks.
     */
    private static final String WHERE = """
            package demo;
            import dev.ranks.collectives.*;
            import java.net.*;
            import java.util.*;
            public class Where implements RankProgram {
                public void run(Intracomm world, String[] args) {
                    int rank = world.rank();
                    int size = world.size();
                    String host;
                    List<String> addresses = new ArrayList<>();
                    try {
                        host = InetAddress.getLocalHost().getHostName();
                        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                                    addresses.add(a.getHostAddress());
                                }
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    byte[] payload = new byte[1 << 20];
                    Arrays.fill(payload, (byte) rank);
                    Object[] left = world.sendrecv(new Object[] {host, payload}, (rank + 1) % size, 7,
                            (rank + size - 1) % size, 7);
                    byte[] got = (byte[]) left[1];
                    for (byte b : got) {
                        if (b != (byte) ((rank + size - 1) % size)) {
                            throw new IllegalStateException("rank " + rank + " got a corrupt payload");
                        }
                    }
                    int sum = world.allreduce(rank, Op.SUM);
                    System.out.println("rank " + rank + " of " + size + " on " + host + " at " + addresses
                            + ", left neighbour on " + left[0] + ", sum " + sum);
                }
            }
            """;

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void aUsersProgramRunsOnBothHostsOfTheHostfile(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);

        Run run = launcher(mpi, "-n", "4", "run", "--class-path", work.resolve("classes").toString(), "demo.Where");

        // By slot: ranks 0 and 1 on node1, 2 and 3 on node2; only the ring's 1-0 and 3-2 hops stay on a host.
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(
                "rank 0 of 4 on ranks-node1 at [" + NET + ".11], left neighbour on ranks-node2, sum 6",
                "rank 1 of 4 on ranks-node1 at [" + NET + ".11], left neighbour on ranks-node1, sum 6",
                "rank 2 of 4 on ranks-node2 at [" + NET + ".12], left neighbour on ranks-node1, sum 6",
                "rank 3 of 4 on ranks-node2 at [" + NET + ".12], left neighbour on ranks-node2, sum 6"),
                run.out().lines().sorted().toList(), run::toString);
        assertNoProcessLeft();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void fibOnBothHostsPrintsWhatTheLocalDevicePrints(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);
        String[] job = {"-n", "4", "--map-by", "node", "fib", "10", "20", "30", "40", "100", "1000"};
        CliRun local = CliRun.of(job);

        Run run = launcher(mpi, job);

        assertEquals(0, local.exitCode(), local::toString);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(masked(local.outLines()), masked(run.out().lines().toList()), run::toString);
        assertNoProcessLeft();
    }

    @ParameterizedTest
    @EnumSource(MpiImplementation.class)
    void aFailingRankEndsTheJobOnBothHostsWithExitOne(MpiImplementation mpi) throws Exception {
        assumeInstalled(mpi);

        // Rank 1, on node1, fails while rank 2 and 3 on node2 wait for rank 0's broadcast to go round.
        Run run = launcher(mpi, "-n", "4", "--fail-rank", "1", "bcast");

        assertEquals(1, run.exitCode(), run::toString);
        // Open MPI may warn of a race of its own before (plm:rsh: setpgid failed): the report is a line of its own.
        assertTrue(("\n" + run.err()).contains("\nrank 1 failed:\njava.lang.IllegalStateException: rank 1 fails on"
                + " purpose"), run::toString);
        assertNoProcessLeft();
    }

    @ParameterizedTest
    @CsvSource({"OPEN_MPI, chosen", "MPICH, native"})
    void theConformanceSuitePassesAcrossTheHosts(MpiImplementation mpi, String collectives) throws Exception {
        assumeInstalled(mpi);
        // Built here once, not by five ranks at once.
        Mpi.prepare(mpi);
        assertTrue(Files.isDirectory(MPI_TEST_CLASSES.resolve("dev/ranks/mpi")), MPI_TEST_CLASSES
                + " is missing: expected the mpi module's test classes (build it first, e.g. with -am)");
        // The starter's own hostfile, as the user of a starter writes it.
        Path hosts = Files.writeString(work.resolve(mpi.label() + ".hosts"), mpi == MpiImplementation.OPEN_MPI
                ? "ranks-node1 slots=3\nranks-node2 slots=2\n" : "ranks-node1:3\nranks-node2:2\n");
        List<String> command = new ArrayList<>(List.of("bash", HARNESS.toString(), "exec", "head", mpi.starter()));
        if (mpi == MpiImplementation.OPEN_MPI) {
            command.addAll(List.of("--allow-run-as-root", "--hostfile", hosts.toString()));
        } else {
            command.addAll(List.of("-f", hosts.toString()));
        }
        command.addAll(List.of("-n", "5", java, "-Xss4m", "-D" + MpiImplementation.PROPERTY + "=" + mpi.label(), "-cp",
                MPI_TEST_CLASSES + File.pathSeparator + MpjLaunch.JAR, "dev.ranks.mpi.ConformanceMain", collectives));

        Run run = run(command);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("conformance passed: 11 checks on 5 ranks of "
                + (mpi == MpiImplementation.OPEN_MPI ? "Open MPI" : "MPICH")), run::toString);
        assertNoProcessLeft();
    }

    private static Run launcher(MpiImplementation mpi, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", HARNESS.toString(), "exec", "head", java, "-jar",
                MpjLaunch.JAR.toString(), "--device", "mpi", "--mpi", mpi.label(), "--hostfile", hostfile.toString()));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    /** Asserts that nothing runs in the cluster's namespaces once a job has ended: no starter, daemon, proxy or rank. */
    private static void assertNoProcessLeft() throws IOException, InterruptedException {
        List<String> left = processesInTheCluster();
        for (int i = 0; i < 20 && !left.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            left = processesInTheCluster();
        }
        assertEquals(List.of(), left, "processes of the job left behind");
    }

    private static List<String> processesInTheCluster() throws IOException, InterruptedException {
        List<String> left = new ArrayList<>();
        for (String ns : NAMESPACES) {
            Run pids = run(List.of("ip", "netns", "pids", PREFIX + "-" + ns));
            assertEquals(0, pids.exitCode(), pids::toString);
            for (String pid : pids.out().lines().toList()) {
                ProcessHandle.of(Long.parseLong(pid.strip())).filter(MpiJob::running).ifPresent(p ->
                        left.add(ns + ": " + p.pid() + " " + p.info().commandLine().orElse("?")));
            }
        }
        return left;
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

    /** Runs a command in the work directory with the cluster's prefix and network and the starters' stand-in for ssh. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("RANKS_NETNS_PREFIX", PREFIX);
        env.put("RANKS_NETNS_NET", NET);
        env.put("OMPI_MCA_plm_rsh_agent", agent.toString());
        env.put("HYDRA_LAUNCHER", "ssh");
        env.put("HYDRA_LAUNCHER_EXEC", agent.toString());
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

    private static void assumeInstalled(MpiImplementation mpi) {
        assumeTrue(onPath(mpi.starter()) && onPath(mpi.compiler()), () -> mpi.label() + " is not installed ("
                + mpi.starter() + " or " + mpi.compiler() + " is not on the PATH): install " + mpi.packages()
                + " to run this test");
    }

    /** The lines in their order, timings (decimal figures) masked and the spaces that align them collapsed. */
    private static List<String> masked(List<String> lines) {
        return lines.stream().map(l -> l.strip().replaceAll("\\d+\\.\\d+", "#").replaceAll("\\s+", " ")).toList();
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/sbin";
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
