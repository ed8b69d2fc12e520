package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MPJ Express 0.44 daemon on this machine, started, probed and stopped by {@code launcher
 * daemons}. Needs the Debian package libmpj-java (bin/test installs it); skips without it.
 */
class DaemonsIT {
    private static final Path DAEMON_JAR = Path.of("/usr/share/mpj/lib/daemon.jar");
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)");
    private static final Pattern HINT = Pattern.compile("start one with '([^']*)'");

    @TempDir
    Path tmp;

    private Path hostfile;
    private int port;
    private Long pid;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isRegularFile(DAEMON_JAR),
                DAEMON_JAR + " is missing: install the Debian package libmpj-java to run the daemon tests");
        hostfile = Files.writeString(tmp.resolve("local.hosts"), "localhost slots=2\n");
        port = freePortPair();
    }

    @AfterEach
    void stopWhatWasStarted() {
        if (pid != null) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void startStatusStopLeaveNothingBehind() throws Exception {
        String portArg = Integer.toString(port);

        CliRun start = CliRun.of("daemons", "start", "--hostfile", hostfile.toString(), "--daemon-port", portArg,
                "--state-dir", tmp.toString());
        pid = pidIn(start.out()).orElse(null);

        assertEquals(0, start.exitCode(), start::toString);
        assertTrue(start.out().startsWith("localhost:" + port + " started (pid "), start::toString);
        Path home = tmp.resolve("localhost-" + port);
        assertTrue(Files.isRegularFile(home.resolve("lib/daemon.jar")), start::toString);
        for (String jar : new String[] {"commons-cli.jar", "commons-codec.jar", "commons-io.jar", "log4j-1.2.jar"}) {
            assertFalse(Files.isSymbolicLink(home.resolve("lib").resolve(jar)), jar + " must be a copy");
            assertTrue(Files.isRegularFile(home.resolve("lib").resolve(jar)), jar);
        }
        String conf = Files.readString(home.resolve("conf/mpjexpress.conf"));
        assertTrue(conf.contains("mpjexpress.mpjdaemon.port.1=" + port + "\n"), conf);
        assertTrue(conf.contains("mpjexpress.mpjdaemon.port.2=" + (port - 3) + "\n"), conf);

        CliRun status = CliRun.of("daemons", "status", "--hostfile", hostfile.toString(), "--daemon-port", portArg);
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().startsWith("localhost:" + port + " up (answered in "), status::toString);

        // Probing twice more must leave the daemon as it was: the probe starts nothing and kills nothing.
        assertTrue(MpjDaemonProbe.probe("localhost", port, Duration.ofSeconds(3)).up());
        assertTrue(MpjDaemonProbe.probe("127.0.0.1", port, Duration.ofSeconds(3)).up());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        assertEquals(0, daemon.children().count(), "the probe must start no JVM");

        CliRun again = CliRun.of("daemons", "start", "--hostfile", hostfile.toString(), "--daemon-port", portArg,
                "--state-dir", tmp.toString());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().startsWith("localhost:" + port + " already running"), again::toString);

        CliRun stop = CliRun.of("daemons", "stop", "--hostfile", hostfile.toString(), "--daemon-port", portArg,
                "--state-dir", tmp.toString());
        assertEquals(0, stop.exitCode(), stop::toString);
        assertEquals("localhost:" + port + " stopped (pid " + pid + ")\n", stop.out(), stop::toString);
        assertFalse(daemon.isAlive(), "the daemon's JVM must be gone after stop");
        assertFalse(Files.exists(home), "stop removes the daemon's MPJ_HOME");

        CliRun down = CliRun.of("daemons", "status", "--hostfile", hostfile.toString(), "--daemon-port", portArg);
        assertEquals(1, down.exitCode(), down::toString);
        assertTrue(down.out().startsWith("localhost:" + port + " down (connection refused"), down::toString);

        CliRun stopAgain = CliRun.of("daemons", "stop", "--hostfile", hostfile.toString(), "--daemon-port", portArg,
                "--state-dir", tmp.toString());
        assertEquals(0, stopAgain.exitCode(), stopAgain::toString);
        assertTrue(stopAgain.out().startsWith("localhost:" + port + " not running"), stopAgain::toString);
    }

    @Test
    void theHintForAMissingDaemonIsACommandThatStartsIt() throws Exception {
        for (boolean withHostfile : new boolean[] {false, true}) {
            List<String> job = new ArrayList<>(List.of("--device", "mpj", "--mpj-dev", "niodev", "--daemon-port",
                    Integer.toString(port), "-n", "2"));
            if (withHostfile) {
                job.addAll(List.of("--hostfile", hostfile.toString()));
            }
            job.add("hello");
            CliRun refused = CliRun.of(job.toArray(String[]::new));

            assertEquals(2, refused.exitCode(), refused::toString);
            String expected = "launcher daemons start" + (withHostfile ? " --hostfile " + hostfile : "")
                    + " --daemon-port " + port;
            assertTrue(refused.err().startsWith("no MPJ Express daemon answers on localhost:" + port + " ("),
                    refused::toString);
            Matcher hint = HINT.matcher(refused.err());
            assertTrue(hint.find(), refused::toString);
            assertEquals(expected, hint.group(1), refused::toString);

            // The hint, as typed, with only the state directory moved into this test's.
            String[] words = hint.group(1).split(" ");
            List<String> start = new ArrayList<>(List.of(words).subList(1, words.length));
            start.addAll(List.of("--state-dir", tmp.toString()));
            CliRun started = CliRun.of(start.toArray(String[]::new));
            pid = pidIn(started.out()).orElse(null);
            assertEquals(0, started.exitCode(), started::toString);
            assertTrue(MpjDaemonProbe.probe("localhost", port, Duration.ofSeconds(3)).up(), started::toString);

            CliRun stop = CliRun.of("daemons", "stop", "--daemon-port", Integer.toString(port), "--state-dir",
                    tmp.toString());
            assertEquals(0, stop.exitCode(), stop::toString);
            assertFalse(Files.exists(tmp.resolve("localhost-" + port)), stop::toString);
            pid = null;
        }
    }

    @Test
    void aDaemonThatCannotBindItsPortManagerIsReportedWithItsLog() throws Exception {
        try (ServerSocket taken = new ServerSocket(port - 3)) {
            assertTrue(taken.isBound());
            CliRun start = CliRun.of("daemons", "start", "--hostfile", hostfile.toString(), "--daemon-port",
                    Integer.toString(port), "--state-dir", tmp.toString(), "--wait", "5");
            pid = pidIn(start.out()).orElse(null);

            assertEquals(1, start.exitCode(), start::toString);
            assertTrue(start.out().startsWith("localhost:" + port + " started but exited at once; "), start::toString);
            assertTrue(start.out().contains("port-manager port " + (port - 3) + " is in use")
                    || start.out().contains("BindException"), start::toString);
        }
    }

    private static Optional<Long> pidIn(String out) {
        Matcher m = PID.matcher(out);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** A free port P whose port-manager port P-3 is free too. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (ServerSocket probe = new ServerSocket(0)) {
                candidate = probe.getLocalPort();
            }
            if (candidate > 1027 && isFree(candidate - 3)) {
                return candidate;
            }
        }
        throw new IOException("no free pair of ports P and P-3 in 50 tries");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        } catch (IOException busy) {
            return false;
        }
    }
}
