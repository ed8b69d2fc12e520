package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launcher daemons status} against stand-ins for an MPJ Express daemon on this machine: one
 * that answers as MPJ 0.44's does, a port nothing listens on, a listener that never answers, and a
 * host name that does not resolve. The real daemon is in {@code DaemonsIT}.
 */
class DaemonsCommandTest {
    @TempDir
    Path tmp;

    private Path hostfile(String text) throws IOException {
        return Files.writeString(tmp.resolve("daemons.hosts"), text);
    }

    @Test
    void aDaemonThatAnswersIsUpAndGetsATicketThatStartsNothing() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Answers as MPJDaemon does: reads one length-prefixed ticket, may ping, then "EXIT" and closes.
            CompletableFuture<String> ticket = CompletableFuture.supplyAsync(() -> {
                try (Socket client = server.accept()) {
                    DataInputStream in = new DataInputStream(client.getInputStream());
                    byte[] xml = new byte[in.readInt()];
                    in.readFully(xml);
                    OutputStream out = client.getOutputStream();
                    out.write("@Ping#\nEXIT".getBytes(StandardCharsets.US_ASCII));
                    return new String(xml, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });

            CliRun run = CliRun.of("daemons", "status", "--hostfile", hostfile("localhost\n").toString(),
                    "--daemon-port", Integer.toString(server.getLocalPort()));

            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().startsWith("localhost:" + server.getLocalPort() + " up (answered in "), run::toString);
            String xml = ticket.get(5, TimeUnit.SECONDS);
            assertTrue(xml.startsWith("<MPJProcessInfo>") && xml.endsWith("</MPJProcessInfo>"), xml);
            assertTrue(xml.contains("<ProcessCount>0</ProcessCount>"), xml);
            // MPJ 0.44 starts JVMs for niodev, mxdev and hybdev tickets only, and parses sourceCode always.
            assertFalse(xml.matches("(?s).*<DeviceName>(niodev|mxdev|hybdev)</DeviceName>.*"), xml);
            assertTrue(xml.contains("<sourceCode/>") && xml.contains("<ZippedSource>false</ZippedSource>"), xml);
        }
    }

    @Test
    void aPortNobodyListensOnIsDownAndExitsOne() throws IOException {
        int port = closedPort();

        CliRun run = CliRun.of("daemons", "status", "--hostfile", hostfile("127.0.0.1\n").toString(),
                "--daemon-port", Integer.toString(port));

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("127.0.0.1:" + port + " down (connection refused at 127.0.0.1:" + port + ")\n", run.out(),
                run::toString);
    }

    @Test
    void aListenerThatNeverAnswersIsDownWithinTheWait() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();

            CliRun run = CliRun.of("daemons", "status", "--hostfile", hostfile("localhost\n").toString(),
                    "--daemon-port", Integer.toString(server.getLocalPort()), "--wait", "2");

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.out().contains(" down (no answer from 127.0.0.1:" + server.getLocalPort() + " within 500 ms)"),
                    run::toString);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), run::toString);
        }
    }

    @Test
    void aListenerThatHangsUpIsNotADaemon() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            CliRun run = CliRun.of("daemons", "status", "--hostfile", hostfile("localhost\n").toString(),
                    "--daemon-port", Integer.toString(server.getLocalPort()));

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.out().contains(" not a daemon (something at 127.0.0.1:" + server.getLocalPort()
                    + " accepted the connection but did not answer as an MPJ Express daemon)"), run::toString);
        }
    }

    @Test
    void everyHostGetsALineInHostfileOrderAndAnUnresolvableOneSaysSo() throws IOException {
        int port = closedPort();

        CliRun run = CliRun.of("daemons", "status", "--hostfile",
                hostfile("ranks-nowhere.invalid slots=2\nlocalhost:2\n").toString(), "--daemon-port", Integer.toString(port));

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(2, run.outLines().size(), run::toString);
        assertEquals("ranks-nowhere.invalid:" + port
                + " unknown host (cannot resolve host name ranks-nowhere.invalid on this machine)", run.outLines().get(0));
        assertTrue(run.outLines().get(1).startsWith("localhost:" + port + " down "), run::toString);
    }

    @Test
    void startOnAnUnresolvableHostFailsWithoutTryingSsh() throws IOException {
        CliRun run = CliRun.of("daemons", "start", "--hostfile", hostfile("ranks-nowhere.invalid\n").toString(),
                "--state-dir", tmp.toString(), "--ssh", "false");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("ranks-nowhere.invalid:40055 unknown host"), run::toString);
    }

    @Test
    void withoutASubcommandItSaysWhichThereAre() {
        CliRun run = CliRun.of("daemons");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Missing command: expected one of start, status, stop"), run::toString);
    }

    @Test
    void aBadPortIsAUsageError() throws IOException {
        CliRun badPort = CliRun.of("daemons", "status", "--hostfile", hostfile("localhost\n").toString(), "--daemon-port", "3");

        assertEquals(2, badPort.exitCode(), badPort::toString);
        assertTrue(badPort.err().startsWith("--daemon-port 3: expected 4 to 65535"), badPort::toString);
    }

    @Test
    void withoutAHostfileTheHostIsThisMachine() throws IOException {
        int port = closedPort();

        CliRun status = CliRun.of("daemons", "status", "--daemon-port", Integer.toString(port));

        assertEquals(1, status.exitCode(), status::toString);
        assertTrue(status.out().startsWith("localhost:" + port + " down"), status::toString);
        assertEquals(1, status.out().lines().count(), status::toString);
    }

    @Test
    void localHostNamesAreHandledWithoutSsh() throws IOException {
        assertTrue(LocalHost.isLocal("localhost"));
        assertTrue(LocalHost.isLocal("127.0.0.1"));
        assertTrue(LocalHost.isLocal(InetAddress.getLocalHost().getHostName()));
        // TEST-NET-1 (RFC 5737) is never assigned to a machine; .invalid (RFC 6761) never resolves.
        assertFalse(LocalHost.isLocal("192.0.2.1"));
        assertFalse(LocalHost.isLocal("ranks-nowhere.invalid"));
    }

    @Test
    void shellQuotingSurvivesQuotesAndSpaces() {
        assertEquals("'plain'", DaemonControl.shellQuote("plain"));
        assertEquals("'it'\\''s a dir'", DaemonControl.shellQuote("it's a dir"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
