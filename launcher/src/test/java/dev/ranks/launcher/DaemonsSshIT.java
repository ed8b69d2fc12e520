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

/**
 * {@code launcher daemons} over a real OpenSSH: namespaces made by {@code tools/netns-cluster.sh}
 * with a prefix and subnet of their own ({@code rks}, 10.79.0.0/24, so that MultiHostIT's
 * {@code rkt} and MpjHybdevMultiHostIT's {@code rkh} never meet them), a real {@code sshd} in each
 * node with a private configuration, host key and authorized key, and the launcher in the head
 * reaching the nodes with {@code --ssh "ssh -i KEY ..."}: start, status, a job across the nodes,
 * stop, and a key the nodes refuse.
 *
 * <p>Needs root, {@code ip}, {@code /usr/sbin/sshd}, {@code /usr/bin/ssh} and MPJ Express; skips,
 * saying so, without them. The sshd processes, daemons, namespaces and /etc/netns files go away
 * after the class, also when a test fails.
 */
class DaemonsSshIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path JAR = BASEDIR.resolve("target/launcher.jar");
    private static final Path HARNESS = BASEDIR.resolve("../tools/netns-cluster.sh").normalize();
    private static final String PREFIX = "rks";
    private static final String NET = "10.79.0";
    private static final String PORT = "40055";
    private static final List<String> NODES = List.of("node1", "node2");
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH = Path.of("/usr/bin/ssh");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final long JOB_SECONDS = 60;

    private static Path work;
    private static Path cluster;
    private static Path stateDir;
    private static Path clientKey;
    private static String java;
    private static boolean madePrivsepDir;
    private static final List<Process> SSHDS = new ArrayList<>();

    @BeforeAll
    static void makeTheCluster() throws Exception {
        assumeTrue(isRoot(), "skipped: the ssh test needs root to make network namespaces and run sshd;"
                + " run it as root, as CI does");
        assumeTrue(onPath("ip"), "skipped: the ip command (Debian package iproute2) is not on the PATH");
        assumeTrue(Files.isExecutable(SSHD), "skipped: " + SSHD + " is missing (Debian package openssh-server)");
        assumeTrue(Files.isExecutable(SSH), "skipped: " + SSH + " is missing (Debian package openssh-client)");
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/mpj/lib/daemon.jar")),
                "skipped: MPJ Express is not installed (Debian package libmpj-java)");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: expected the shaded jar (mvn package)");
        assertTrue(Files.isRegularFile(HARNESS), HARNESS + " is missing: expected the namespace harness");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        work = Files.createTempDirectory("ranks-daemons-ssh");
        stateDir = work.resolve("state");
        cluster = Files.writeString(work.resolve("cluster.hosts"), "ranks-node1 slots=2\nranks-node2 slots=2\n");
        try {
            Run up = harness("up", Integer.toString(NODES.size()));
            assertEquals(0, up.exitCode(), up::toString);
            clientKey = keyPair("client");
            if (!Files.isDirectory(PRIVSEP_DIR)) {
                // sshd refuses to start without its privilege-separation directory, which only the
                // packaged service's start script makes.
                Files.createDirectory(PRIVSEP_DIR);
                madePrivsepDir = true;
            }
            for (int i = 0; i < NODES.size(); i++) {
                startSshd(NODES.get(i), NET + "." + (11 + i));
            }
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
            for (Process sshd : SSHDS) {
                sshd.destroy();
                if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
                    sshd.destroyForcibly();
                }
            }
            SSHDS.clear();
            Run down = harness("down");
            List<String> left = processesMentioning(work.toString());
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            work = null;
            if (madePrivsepDir) {
                Files.deleteIfExists(PRIVSEP_DIR);
                madePrivsepDir = false;
            }
            assertEquals(0, down.exitCode(), down::toString);
            assertEquals(List.of(), left, "no sshd or MPJ daemon of this test may outlive it");
            assertFalse(Files.exists(Path.of("/etc/netns/" + PREFIX + "-head")),
                    "the harness must remove /etc/netns/" + PREFIX + "-head");
        }
    }

    @Test
    void startStatusJobStopOverRealSsh() throws Exception {
        Run start = daemons("start", cluster);
        assertEquals(0, start.exitCode(), start::toString);
        assertTrue(start.out().startsWith("ranks-node1:40055 started (pid "), start::toString);
        assertTrue(start.out().contains("\nranks-node2:40055 started (pid "), start::toString);

        Run up = inHead("daemons", "status", "--hostfile", cluster.toString());
        assertEquals(0, up.exitCode(), up::toString);
        assertTrue(up.out().startsWith("ranks-node1:40055 up (answered in "), up::toString);
        assertTrue(up.out().contains("\nranks-node2:40055 up (answered in "), up::toString);
        for (String node : NODES) {
            List<String> running = daemonsIn(node);
            assertEquals(1, running.size(), () -> node + " runs " + running);
        }

        List<String> local = fibValues(runLocal("-n", "4", "fib", "10", "20", "30", "93"));
        Run mpj = inHead("--device", "mpj", "--hostfile", cluster.toString(), "-n", "4", "fib", "10", "20", "30", "93");
        assertEquals(0, mpj.exitCode(), mpj::toString);
        assertEquals(4, local.size(), () -> "local fib printed " + local);
        assertEquals(local, fibValues(mpj.out()), mpj::toString);

        Run stop = daemons("stop", cluster);
        assertEquals(0, stop.exitCode(), stop::toString);
        assertTrue(stop.out().startsWith("ranks-node1:40055 stopped (pid "), stop::toString);
        assertTrue(stop.out().contains("\nranks-node2:40055 stopped (pid "), stop::toString);

        Run down = inHead("daemons", "status", "--hostfile", cluster.toString());
        assertEquals(1, down.exitCode(), down::toString);
        assertTrue(down.out().contains("ranks-node1:40055 down (connection refused at " + NET + ".11:40055)"),
                down::toString);
        assertTrue(down.out().contains("ranks-node2:40055 down (connection refused at " + NET + ".12:40055)"),
                down::toString);
        assertOnlySshdLeft();
    }

    @Test
    void aKeyTheNodeRefusesNamesTheHostAndSshsReason() throws Exception {
        Path wrongKey = keyPair("stranger");
        Path node2 = Files.writeString(work.resolve("node2.hosts"), "ranks-node2 slots=2\n");

        // A port of its own, so that a daemon the other test left running cannot answer for it.
        Run start = inHead("daemons", "start", "--hostfile", node2.toString(), "--daemon-port", "40155",
                "--state-dir", stateDir.toString(), "--ssh", sshCommand(wrongKey), "--java", java);

        assertEquals(1, start.exitCode(), start::toString);
        assertTrue(start.out().startsWith("ranks-node2:40155 failed to start: ssh could not reach ranks-node2 to run"
                + " the start script (ssh exit 255): "), start::toString);
        assertTrue(start.out().contains("Permission denied (publickey)"), start::toString);
        assertEquals(List.of(), daemonsIn("node2").stream().filter(c -> c.endsWith("MPJDaemon 40155")).toList(),
                "no daemon may start when ssh is refused");
    }

    /** Within 5 s of a stop, each node runs its sshd listener and nothing else, and the head nothing. */
    private static void assertOnlySshdLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> extra = strayProcesses();
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            extra = strayProcesses();
        }
        assertEquals(List.of(), extra, "processes left 5 s after daemons stop");
    }

    private static List<String> strayProcesses() throws IOException, InterruptedException {
        Set<String> listeners = new TreeSet<>();
        SSHDS.forEach(sshd -> listeners.add(Long.toString(sshd.pid())));
        List<String> extra = new ArrayList<>();
        for (String ns : List.of("head", "node1", "node2")) {
            for (String pid : pidsIn(ns)) {
                if (!listeners.contains(pid)) {
                    extra.add(pid + " in " + ns + ": " + commandLine(pid));
                }
            }
        }
        return extra;
    }

    private static List<String> daemonsIn(String node) throws IOException, InterruptedException {
        return pidsIn(node).stream().map(DaemonsSshIT::commandLine).filter(c -> c.contains("runtime.daemon.MPJDaemon"))
                .toList();
    }

    private static Set<String> pidsIn(String ns) throws IOException, InterruptedException {
        Run pids = run(List.of("ip", "netns", "pids", PREFIX + "-" + ns), 10);
        assertEquals(0, pids.exitCode(), pids::toString);
        return new TreeSet<>(pids.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static List<String> processesMentioning(String text) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(pid -> pid + ": " + commandLine(pid)).filter(line -> line.contains(text)).toList();
        }
    }

    private static String commandLine(String pid) {
        try {
            return Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ').strip();
        } catch (IOException gone) {
            return "(exited)";
        }
    }

    /** Makes an ed25519 key pair without a passphrase in the work directory; returns its private half. */
    private static Path keyPair(String name) throws IOException, InterruptedException {
        Path key = work.resolve(name + "_ed25519");
        Run keygen = run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()), 30);
        assertEquals(0, keygen.exitCode(), keygen::toString);
        return key;
    }

    /** Starts sshd in the node's namespace, listening on its address only and trusting the client key only. */
    private static void startSshd(String node, String address) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("sshd-" + node));
        Path hostKey = dir.resolve("host_ed25519");
        Run keygen = run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString()), 30);
        assertEquals(0, keygen.exitCode(), keygen::toString);
        Path authorized = Files.copy(Path.of(clientKey + ".pub"), dir.resolve("authorized_keys"));
        Path pidFile = dir.resolve("sshd.pid");
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port 22",
                "ListenAddress " + address,
                "HostKey " + hostKey,
                "PidFile " + pidFile,
                "AuthorizedKeysFile " + authorized,
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                ""));
        Process sshd = new ProcessBuilder("ip", "netns", "exec", PREFIX + "-" + node, SSHD.toString(), "-D", "-e",
                "-f", config.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        SSHDS.add(sshd);
        // sshd writes its pid file once it listens.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(pidFile) && sshd.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(pidFile), () -> "sshd in " + node + " did not come up; its log:\n"
                + readQuietly(dir.resolve("sshd.log")));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String sshCommand(Path key) {
        return SSH + " -F /dev/null -i " + key + " -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=10"
                + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR";
    }

    private static Run daemons(String action, Path hostfile) throws IOException, InterruptedException {
        return inHead("daemons", action, "--hostfile", hostfile.toString(), "--state-dir", stateDir.toString(),
                "--ssh", sshCommand(clientKey), "--java", java);
    }

    private static Run harness(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "RANKS_NETNS_PREFIX=" + PREFIX, "RANKS_NETNS_NET=" + NET,
                "bash", HARNESS.toString()));
        command.addAll(Arrays.asList(args));
        return run(command, 60);
    }

    private static Run inHead(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("exec", "head", java, "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        return harness(command.toArray(String[]::new));
    }

    private static String runLocal(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        Run local = run(command, JOB_SECONDS);
        assertEquals(0, local.exitCode(), local::toString);
        return local.out();
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
