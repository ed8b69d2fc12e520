package dev.ranks.mpj;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A rank's connection back to the launcher that started the job: the failure handling MPJ
 * Express lacks. The rank says hello (job token, rank, pid, host), then reports how it ended;
 * the launcher answers nothing until it ends the job, and when it does (one byte), or when the
 * connection drops because the launcher died, a watcher thread halts this JVM at once. So a rank
 * that fails ends the whole job through the launcher, and no rank JVM outlives its launcher.
 *
 * <p>Wire format (big-endian, {@link DataOutputStream}): hello = UTF {@link #GREETING}, UTF token,
 * int rank, long pid, UTF host; once MPJ is initialised {@code 'R'} int rank, the rank's number in
 * MPJ's world (see {@link #ranked(int)}); then one of {@code 'D'} int exit code, {@code 'F'} int rank, int
 * length, UTF-8 report (the failure with its stack trace), {@code 'A'} int abort code, int length,
 * UTF-8 report; before that, any number of {@code 'E'} int rank, int length, UTF-8 text: what the
 * rank wrote to its stderr ({@link #stderr()}), which the launcher prints on its own stderr; and
 * under {@code --trace}, once, {@code 'T'} int rank, int length, UTF-8 text: the rank's part of the
 * job's trace ({@link #traceWith(Supplier)}), sent before it reports how it ended or when the
 * launcher asks for it. The launcher side is
 * {@code dev.ranks.launcher.MpjControlServer}.
 */
final class MpjControl {
    /** The first string a rank sends, naming the protocol and its version. */
    static final String GREETING = "ranks-mpj-control 1";
    /** The byte by which the launcher asks for this rank's part of the job's trace; any other halts. */
    static final int TRACE_REQUEST = 'T';
    /** The exit status of a rank JVM the launcher halted; MPJ's daemons ignore it. */
    static final int HALTED = 1;
    /** How long to connect before giving up; the launcher is up before any rank starts. */
    private static final int CONNECT_MILLIS = 10_000;
    /** How long a reporting rank waits for the launcher to halt it before halting itself. */
    private static final long HALT_GRACE_SECONDS = 10;

    private final Socket socket;
    private final DataOutputStream out;
    /** The rank this connection speaks for: MPJ's argument until {@link #ranked(int)}, then the world rank. */
    private volatile int rank;
    /** This rank's part of the job's trace, or null when the job is not traced. */
    private volatile Supplier<String> tracePart;
    /** Whether the part has been sent (or there is none to send). */
    private final AtomicBoolean traceSent = new AtomicBoolean();

    private MpjControl(Socket socket, int rank) throws IOException {
        this.socket = socket;
        this.rank = rank;
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /**
     * Connects to the launcher, says hello and starts the watcher.
     *
     * @param address {@code host:port} of the launcher's control socket
     * @param token the job's token
     * @param rank this rank as MPJ's arguments name it
     * @return the connection
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the launcher cannot be reached
     */
    static MpjControl connect(String address, String token, int rank) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new RanksException(ErrorClass.USAGE, rank, "control address '" + address
                    + "' is malformed: expected host:port", null);
        }
        String host = address.substring(0, colon);
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            MpjControl control = new MpjControl(socket, rank);
            control.hello(token, rank);
            control.watch();
            return control;
        } catch (IOException | NumberFormatException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, rank, "rank " + rank + " cannot reach the launcher at "
                    + address + ": " + e + "; every node must resolve and reach the launching host", e);
        }
    }

    private void hello(String token, int rank) throws IOException {
        out.writeUTF(GREETING);
        out.writeUTF(token);
        out.writeInt(rank);
        out.writeLong(ProcessHandle.current().pid());
        out.writeUTF(InetAddress.getLocalHost().getHostName());
        out.flush();
    }

    /** Halts this JVM as soon as the launcher says so or goes away. */
    private void watch() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = socket.getInputStream()) {
                while (in.read() == TRACE_REQUEST) {
                    sendTrace();
                }
            } catch (IOException e) {
                // A reset connection means the launcher is gone: halt, as on a clean close.
                Runtime.getRuntime().halt(HALTED);
            }
            Runtime.getRuntime().halt(HALTED);
        }, "ranks-mpj-control");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Tells the launcher this rank's number in MPJ's world, once {@code MPI.Init} has said it:
     * hybdev's first argument numbers the ranks of each host's JVM from 0, so the hello of a rank
     * on the second host names a rank of the first.
     *
     * @param worldRank the rank in {@code MPI.COMM_WORLD}
     */
    synchronized void ranked(int worldRank) {
        rank = worldRank;
        try {
            out.writeByte('R');
            out.writeInt(worldRank);
            out.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(HALTED);
        }
    }

    /**
     * A stream for the rank's stderr that sends what is written through this connection, line by
     * line (on each flush), so that the launcher prints it on its stderr: MPJ's daemons and
     * starter merge a rank's stderr into the job's stdout.
     *
     * @return the stream, flushing at each line
     */
    PrintStream stderr() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                pending.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
            }

            @Override
            public synchronized void flush() {
                if (pending.size() > 0) {
                    send('E', rank, pending.toByteArray());
                    pending.reset();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /**
     * Sets where this rank's part of the job's trace comes from; it is sent once, before the rank
     * reports how it ended, or when the launcher asks for it.
     *
     * @param part what {@code JobTrace.part()} returns
     */
    void traceWith(Supplier<String> part) {
        tracePart = part;
    }

    private void sendTrace() {
        Supplier<String> part = tracePart;
        if (part != null && traceSent.compareAndSet(false, true)) {
            send('T', rank, part.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Reports that the rank's program returned.
     *
     * @param exitCode the launcher's exit code for this rank: 0 when it completed
     */
    synchronized void done(int exitCode) {
        sendTrace();
        try {
            out.writeByte('D');
            out.writeInt(exitCode);
            out.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(HALTED);
        }
    }

    /**
     * Reports a failure and waits to be halted with the rest of the job; never returns.
     *
     * @param kind {@code 'F'} for a failed rank, {@code 'A'} for abort
     * @param number the failed rank, or the abort code
     * @param report what the launcher prints
     */
    synchronized void fail(char kind, int number, String report) {
        sendTrace();
        send(kind, number, report.getBytes(StandardCharsets.UTF_8));
        try {
            // The launcher halts every rank now, through the watcher; should it be slow, halting alone is still right.
            TimeUnit.SECONDS.sleep(HALT_GRACE_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(HALTED);
    }

    /** Sends a message of text; a launcher that cannot be told anything is gone, so the rank halts. */
    private synchronized void send(char kind, int number, byte[] text) {
        try {
            out.writeByte(kind);
            out.writeInt(number);
            out.writeInt(text.length);
            out.write(text);
            out.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
