package dev.ranks.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks an MPJ Express 0.44 daemon ({@code runtime.daemon.MPJDaemon}) whether it is there, without
 * starting anything and without harming it.
 *
 * <p>The daemon has no status request. Each connection to its port gets a thread that reads one
 * job ticket (a 4-byte big-endian length, then that many bytes of XML) and starts the ticket's
 * rank JVMs. Merely connecting and hanging up is not harmless: the thread dies parsing the empty
 * ticket, the dead socket stays registered, and the daemon's connection manager later dies of a
 * {@code NullPointerException} cleaning it up — and that is the thread that kills a job's rank
 * JVMs when its starter goes away. So the probe sends a well-formed ticket for zero processes on a
 * device the daemon does not know: the daemon starts nothing, writes {@code EXIT}, closes the
 * connection and forgets it, as after any finished job. The daemon may write its keep-alive
 * {@code @Ping#} lines before that; they are skipped.
 */
final class MpjDaemonProbe {
    /** The port MPJ Express 0.44 daemons listen on by default ({@code mpjexpress.mpjdaemon.port.1}). */
    static final int DEFAULT_PORT = 40055;

    /** How long {@code launcher daemons status} waits for one daemon by default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    // Every element MPJProcessTicket.fromXML reads must be present, or it throws before it starts
    // nothing; "ranks-probe" is no device, so the daemon launches no JVM for it.
    private static final String TICKET = "<MPJProcessInfo>"
            + "<TicketID>00000000-0000-0000-0000-000000000000</TicketID>"
            + "<ClassPath/><MasterNode/><MasterPort/>"
            + "<ProcessCount>0</ProcessCount><StartingRank>0</StartingRank>"
            + "<JvmArgs/><WorkingDirectory/><ZippedSource>false</ZippedSource><sourceCode/>"
            + "<MainClass/><DeviceName>ranks-probe</DeviceName><ConfFileContents/><AppArgs/><UserID/>"
            + "<NetworkProcessCount>-1</NetworkProcessCount><TotalProcessCount>-1</TotalProcessCount>"
            + "<NetworkDevice>niodev</NetworkDevice><MPJ_HOME/>"
            + "<Debug>false</Debug><DebugPort>0</DebugPort><Profiler>false</Profiler>"
            + "</MPJProcessInfo>";
    private static final byte[] REQUEST = frame(TICKET);
    private static final String DONE = "EXIT";

    private MpjDaemonProbe() {
    }

    /**
     * Probes the daemon on {@code host:port}. Never throws for a daemon that is down, a host that
     * does not resolve or a port where something else listens: the answer says which.
     *
     * @param host a host name or address
     * @param port the daemon's port, from 1 to 65535
     * @param timeout how long to wait for the connection, and then for the reply
     * @return what the probe found
     */
    static DaemonAnswer probe(String host, int port, Duration timeout) {
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return new DaemonAnswer(host, port, DaemonAnswer.State.UNKNOWN_HOST,
                    "cannot resolve host name " + host + " on this machine");
        }
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), millis);
            socket.setSoTimeout(millis);
            socket.getOutputStream().write(REQUEST);
            socket.getOutputStream().flush();
            if (readsDone(socket.getInputStream())) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                return new DaemonAnswer(host, port, DaemonAnswer.State.UP, "answered in " + elapsed + " ms");
            }
            return new DaemonAnswer(host, port, DaemonAnswer.State.NOT_A_DAEMON,
                    "something at " + address.getHostAddress() + ":" + port
                    + " accepted the connection but did not answer as an MPJ Express daemon");
        } catch (ConnectException e) {
            return down(host, port, "connection refused at " + address.getHostAddress() + ":" + port);
        } catch (SocketTimeoutException e) {
            return down(host, port, "no answer from " + address.getHostAddress() + ":" + port + " within "
                    + millis + " ms");
        } catch (NoRouteToHostException e) {
            return down(host, port, "no route to " + address.getHostAddress());
        } catch (IOException e) {
            return down(host, port, e.toString());
        }
    }

    /** Reads until the peer closes; true if {@code EXIT} came, possibly after keep-alive pings. */
    private static boolean readsDone(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            reply.write(buffer, 0, n);
            // A peer that streams forever is not a daemon; 64 KiB is far beyond any ping backlog.
            if (reply.size() > 65_536) {
                return false;
            }
        }
        return reply.toString(StandardCharsets.ISO_8859_1).endsWith(DONE);
    }

    private static DaemonAnswer down(String host, int port, String detail) {
        return new DaemonAnswer(host, port, DaemonAnswer.State.DOWN, detail);
    }

    private static byte[] frame(String ticket) {
        byte[] xml = ticket.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + xml.length).putInt(xml.length).put(xml).array();
    }
}
