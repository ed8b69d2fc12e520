package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several hosts on one machine: Linux network namespaces made by {@code tools/netns-cluster.sh}
 * (a head, where the launcher runs, and two nodes, {@code ranks-node1} at 10.77.0.11 and
 * {@code ranks-node2} at 10.77.0.12, each with its own /etc/hosts naming every node), an MPJ
 * Express daemon in each node started from the head by {@code launcher daemons start} over a
 * stand-in for ssh, and jobs of {@code --device mpj} across them, compared with the local device.
 *
 * <p>Needs root and {@code ip} (iproute2); skips, saying so, without them. CI runs as root. The
 * namespaces, their /etc/netns files and the daemons go away after the class, also when a test
 * fails, and leftovers of an earlier interrupted run are removed first.
 */
class MultiHostIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path JAR = BASEDIR.resolve("target/launcher.jar");
    private static final Path HARNESS = BASEDIR.resolve("../tools/netns-cluster.sh").normalize();
    private static final String PORT = "40055";
    private static final List<String> NODES = List.of("node1", "node2");
    private static final long JOB_SECONDS = 120;

    private static Path work;
    private static Path cluster;
    private static Path stateDir;
    private static String java;

    @BeforeAll
    static void makeTheCluster() throws Exception {
        assumeTrue(isRoot(), "skipped: the multi-host test needs root to make network namespaces (ip netns);"
                + " run it as root, as CI does");
        assumeTrue(onPath("ip"), "skipped: the ip command (Debian package iproute2) is not on the PATH");
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/mpj/lib/daemon.jar")),
                "skipped: MPJ Express is not installed (Debian package libmpj-java)");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: expected the shaded jar (mvn package)");
        assertTrue(Files.isRegularFile(HARNESS), HARNESS + " is missing: expected the namespace harness");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        work = Files.createTempDirectory("ranks-multihost");
        stateDir = work.resolve("state");
        // Ranks 0-4 on node1 and 5-8 on node2 by slot; --map-by node interleaves them.
        cluster = Files.writeString(work.resolve("cluster.hosts"), "ranks-node1 slots=5\nranks-node2 slots=4\n");
        try {
            Run up = run(List.of("bash", HARNESS.toString(), "up", Integer.toString(NODES.size())), 60);
            assertEquals(0, up.exitCode(), up::toString);
            Run start = daemons("start", cluster);
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
            daemons("stop", cluster);
        } finally {
            Run down = run(List.of("bash", HARNESS.toString(), "down"), 60);
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            work = null;
            assertEquals(0, down.exitCode(), down::toString);
            assertFalse(Files.exists(Path.of("/etc/netns/rkt-head")), "the harness must remove /etc/netns/rkt-head");
        }
    }

    @Test
    void statusFromTheHeadSeesEveryNodesDaemon() throws Exception {
        Run status = inHead("daemons", "status", "--hostfile", cluster.toString());

        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().startsWith("ranks-node1:40055 up (answered in "), status::toString);
        assertTrue(status.out().contains("\nranks-node2:40055 up (answered in "), status::toString);
    }

    @Test
    void hostsShowsThePlacementAcrossTheNodes() throws Exception {
        Run hosts = inHead("hosts", "--hostfile", cluster.toString(), "-n", "6", "--map-by", "node");

        assertEquals(0, hosts.exitCode(), hosts::toString);
        assertTrue(hosts.out().contains("ranks-node1: 3 of 5 slots, ranks 0,2,4\nranks-node2: 3 of 4 slots, ranks 1,3,5\n"),
                hosts::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bcast", "scatter", "gather", "alltoall", "reduce", "cart"})
    void collectivesAcrossHostsPrintWhatTheLocalDevicePrints(String command) throws Exception {
        List<String> local = sorted(runLocal("-n", "6", command));

        Run mpj = inHead("--device", "mpj", "--hostfile", cluster.toString(), "--map-by", "node", "-n", "6", command);

        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(local, sorted(mpj.out()), mpj::toString);
        assertOnlyDaemonsLeft();
    }

    @Test
    void p2pOnNineRanksAcrossHostsPrintsTheCookbooksLines() throws Exception {
        List<String> local = sorted(runLocal("-n", "9", "p2p"));

        Run mpj = inHead("--device", "mpj", "--hostfile", cluster.toString(), "-n", "9", "p2p");

        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(local, sorted(mpj.out()), mpj::toString);
        assertOnlyDaemonsLeft();
    }

    @Test
    void fibAcrossHostsComputesTheLocalDevicesValues() throws Exception {
        String[] inputs = {"0", "1", "2", "10", "93", "94", "1000", "25000", "100000"};
        List<String> args = new ArrayList<>(List.of("-n", "8", "fib"));
        args.addAll(List.of(inputs));
        List<String> local = fibValues(runLocal(args.toArray(String[]::new)));

        List<String> mpjArgs = new ArrayList<>(List.of("--device", "mpj", "--hostfile", cluster.toString()));
        mpjArgs.addAll(args);
        Run mpj = inHead(mpjArgs.toArray(String[]::new));

        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(inputs.length, local.size(), () -> "local fib printed " + local);
        assertEquals(local, fibValues(mpj.out()), mpj::toString);
        assertOnlyDaemonsLeft();
    }

    @Test
    void aRankThatThrowsFailsTheJobWithExitOneAndLeavesNoJvm() throws Exception {
        long start = System.nanoTime();

        Run mpj = inHead("--device", "mpj", "--hostfile", cluster.toString(), "-n", "6", "--map-by", "node",
                "hello", "--fail-rank", "3");

        assertEquals(1, mpj.exitCode(), mpj::toString);
        assertTrue(mpj.err().contains("rank 3"), mpj::toString);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), mpj::toString);
        assertOnlyDaemonsLeft();
    }

    @Test
    void aHostWhoseDaemonIsDownIsNamedWithItsPort() throws Exception {
        Path node2 = Files.writeString(work.resolve("node2.hosts"), "ranks-node2 slots=4\n");
        Run stop = daemons("stop", node2);
        assertEquals(0, stop.exitCode(), stop::toString);
        try {
            Run status = inHead("daemons", "status", "--hostfile", cluster.toString());
            assertEquals(1, status.exitCode(), status::toString);
            assertTrue(status.out().contains("ranks-node2:40055 down (connection refused at 10.77.0.12:40055)"),
                    status::toString);

            Run mpj = inHead("--device", "mpj", "--hostfile", cluster.toString(), "-n", "6", "bcast");

            assertEquals(2, mpj.exitCode(), mpj::toString);
            assertTrue(mpj.err().contains("ranks-node2") && mpj.err().contains("40055"), mpj::toString);
            assertOnlyDaemonsLeft();
        } finally {
            Run restart = daemons("start", node2);
            assertEquals(0, restart.exitCode(), restart::toString);
        }
    }

    @Test
    void anUnresolvableHostNameIsNamed() throws Exception {
        Path hosts = Files.writeString(work.resolve("nowhere.hosts"), "ranks-node1 slots=2\nranks-nowhere slots=2\n");

        Run status = inHead("daemons", "status", "--hostfile", hosts.toString());
        Run mpj = inHead("--device", "mpj", "--hostfile", hosts.toString(), "-n", "4", "bcast");

        assertEquals(1, status.exitCode(), status::toString);
        assertTrue(status.out().contains("ranks-nowhere:40055 unknown host (cannot resolve host name ranks-nowhere"),
                status::toString);
        assertEquals(2, mpj.exitCode(), mpj::toString);
        assertTrue(mpj.err().contains("ranks-nowhere"), mpj::toString);
        assertOnlyDaemonsLeft();
    }

    /** After a job, each node runs its daemon (if it has one) and nothing else, and the head nothing, within 5 s. */
    private static void assertOnlyDaemonsLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> extra = strayProcesses();
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            extra = strayProcesses();
        }
        assertEquals(List.of(), extra, "processes left 5 s after the job");
    }

    private static List<String> strayProcesses() throws IOException, InterruptedException {
        List<String> extra = new ArrayList<>();
        for (String node : NODES) {
            Set<String> pids = pidsIn(node);
            Path daemonPid = stateDir.resolve("ranks-" + node + "-" + PORT).resolve("daemon.pid");
            if (Files.exists(daemonPid)) {
                pids.remove(Files.readString(daemonPid).strip());
            }
            for (String pid : pids) {
                extra.add(pid + " in " + node + ": " + commandLine(pid));
            }
        }
        for (String pid : pidsIn("head")) {
            extra.add(pid + " in head: " + commandLine(pid));
        }
        return extra;
    }

    private static Set<String> pidsIn(String node) throws IOException, InterruptedException {
        Run pids = run(List.of("ip", "netns", "pids", "rkt-" + node), 10);
        assertEquals(0, pids.exitCode(), pids::toString);
        return new TreeSet<>(pids.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static String commandLine(String pid) {
        try {
            return Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ').strip();
        } catch (IOException gone) {
            return "(exited)";
        }
    }

    private static Run daemons(String action, Path hostfile) throws IOException, InterruptedException {
        return inHead("daemons", action, "--hostfile", hostfile.toString(), "--state-dir", stateDir.toString(),
                "--ssh", "bash " + HARNESS + " ssh", "--java", java);
    }

    private static Run inHead(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", HARNESS.toString(), "exec", "head", java, "-jar",
                JAR.toString()));
        command.addAll(Arrays.asList(args));
        return run(command, JOB_SECONDS);
    }

    private static String runLocal(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        Run local = run(command, JOB_SECONDS);
        assertEquals(0, local.exitCode(), local::toString);
        return local.out();
    }

    private static List<String> sorted(String out) {
        return out.lines().sorted().toList();
    }

    private static final Pattern FIB_ROW = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+\\d+\\s+[\\d.]+\\s+(\\S+)$");

    /** The value columns of fib's table, n, digits and value; which rank ran it and its time may differ. */
    private static List<String> fibValues(String out) {
        List<String> rows = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = FIB_ROW.matcher(line);
            if (m.matches()) {
                rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        return rows;
    }

    private record Run(List<String> command, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(List<String> command, long seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within " + seconds + " s; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        return Stream.of(path.split(":")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
