package dev.ranks.launcher;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The launcher's end of the control connections its MPJ ranks open (the rank's end is
 * {@code dev.ranks.mpj.MpjControl}, which documents the wire format). Each connection is read on a
 * thread of its own and turned into {@link Event}s, except the ranks' stderr, handed on as it
 * comes; {@link #haltAll()} tells every rank to halt
 * its JVM, which it also does by itself when its connection drops.
 */
final class MpjControlServer implements AutoCloseable {
    /** The first string a rank sends; the same constant as the rank side's. */
    static final String GREETING = "ranks-mpj-control 1";
    /** The byte that asks a rank for its part of the job's trace; any other byte halts it. */
    static final int TRACE_REQUEST = 'T';

    /** What a rank said, or that its connection ended. */
    sealed interface Event {
        /** @return the rank it is about, or -1 for a connection that never said which */
        int rank();
    }

    /**
     * A rank connected.
     *
     * @param rank the rank
     * @param pid its JVM's process id
     * @param host the host it runs on
     */
    record Hello(int rank, long pid, String host) implements Event {
    }

    /**
     * A rank's program returned.
     *
     * @param rank the rank
     * @param exitCode its exit code, 0 when it completed
     */
    record Done(int rank, int exitCode) implements Event {
    }

    /**
     * A rank failed or called abort.
     *
     * @param rank the rank
     * @param report what to print: {@code rank R failed:} and the stack trace
     */
    record Failed(int rank, String report) implements Event {
    }

    /**
     * A connection ended; after {@link Done} that is the rank's JVM exiting, before it a crash.
     *
     * @param rank the rank, or -1 when it never said hello
     * @param reason why, for the message
     */
    record Closed(int rank, String reason) implements Event {
    }

    private final ServerSocket server;
    private final String token = UUID.randomUUID().toString();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Map<Socket, CountDownLatch> open = new ConcurrentHashMap<>();
    private final Consumer<String> stderr;
    /** Each rank's part of the job's trace, by rank, under {@code --trace}. */
    private final Map<Integer, String> traceParts = new ConcurrentSkipListMap<>();

    /**
     * Opens the control socket on every interface, on a free port, and starts accepting.
     *
     * @param stderr takes what ranks write to their stderr, as it comes
     * @throws IOException when no socket can be opened
     */
    MpjControlServer(Consumer<String> stderr) throws IOException {
        this.stderr = stderr;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(0));
        Thread acceptor = new Thread(this::accept, "ranks-mpj-control-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port ranks connect to */
    int port() {
        return server.getLocalPort();
    }

    /** @return the token each rank must present, so that a stray connection is not taken for a rank */
    String token() {
        return token;
    }

    /**
     * @param timeoutMillis how long to wait
     * @return the next event, or null when none came in time
     * @throws InterruptedException when interrupted while waiting
     */
    Event next(long timeoutMillis) throws InterruptedException {
        return events.poll(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
    }

    /** @return the parts of the job's trace the ranks have sent so far, in rank order */
    Collection<String> traceParts() {
        return traceParts.values();
    }

    /**
     * Asks every connected rank for its part of the job's trace, before the job is ended early
     * (a failed rank, a timeout), and waits until each rank that is still connected has sent one.
     *
     * @param timeoutMillis how long to wait at most
     * @throws InterruptedException when interrupted while waiting
     */
    void collectTraceParts(long timeoutMillis) throws InterruptedException {
        for (Socket s : connections) {
            try {
                s.getOutputStream().write(TRACE_REQUEST);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // That rank is gone: its part, if it sent one, is here already.
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (traceParts.size() < stillOpen() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private long stillOpen() {
        return open.values().stream().filter(latch -> latch.getCount() > 0).count();
    }

    /** Tells every connected rank to halt, and closes the connections. */
    void haltAll() {
        for (Socket s : connections) {
            try {
                s.getOutputStream().write('H');
                s.getOutputStream().flush();
            } catch (IOException e) {
                // That rank is gone already, which is what halting wants.
            }
        }
        for (Socket s : connections) {
            try {
                s.shutdownOutput();
            } catch (IOException e) {
                // As above: a rank whose socket is closed has exited.
            }
        }
    }

    /**
     * Waits until every connection has been closed by its rank, that is until every rank JVM
     * that connected has exited (a halted JVM's sockets close with it).
     *
     * @param timeoutMillis how long to wait at most
     * @return whether all closed in time
     * @throws InterruptedException when interrupted while waiting
     */
    boolean awaitClosed(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (CountDownLatch closed : open.values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !closed.await(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.add(s);
            open.put(s, new CountDownLatch(1));
            Thread reader = new Thread(() -> read(s), "ranks-mpj-control-" + s.getRemoteSocketAddress());
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void read(Socket s) {
        int rank = -1;
        String reason = "its connection closed";
        try (DataInputStream in = new DataInputStream(s.getInputStream())) {
            if (!GREETING.equals(in.readUTF()) || !token.equals(in.readUTF())) {
                reason = "a connection from " + s.getRemoteSocketAddress() + " is not one of this job's ranks";
                return;
            }
            rank = in.readInt();
            long pid = in.readLong();
            events.add(new Hello(rank, pid, in.readUTF()));
            while (true) {
                int kind = in.readByte();
                if (kind == 'R') {
                    // The rank in MPJ's world, which under hybdev the hello's number is not.
                    rank = in.readInt();
                } else if (kind == 'D') {
                    events.add(new Done(rank, in.readInt()));
                } else {
                    int number = in.readInt();
                    byte[] text = new byte[in.readInt()];
                    in.readFully(text);
                    String message = new String(text, StandardCharsets.UTF_8);
                    if (kind == 'E') {
                        stderr.accept(message);
                    } else if (kind == 'T') {
                        traceParts.put(number, message);
                    } else {
                        events.add(new Failed(kind == 'F' ? number : rank, message));
                    }
                }
            }
        } catch (EOFException e) {
            reason = "its connection closed";
        } catch (IOException e) {
            reason = "its connection failed: " + e.getMessage();
        } finally {
            events.add(new Closed(rank, reason));
            open.get(s).countDown();
        }
    }
}
