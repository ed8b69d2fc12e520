package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code fifo} engine's client: sends calls through named pipes to {@link FifoWorker}s started
 * separately ({@code launcher worker --fifo DIR}), the books' {@code os.mkfifo} example made safe
 * for several clients and workers on one directory.
 *
 * <p><b>Protocol.</b> In the directory:
 * <ul>
 * <li>{@code requests}, a FIFO made by the first worker. Every request is one record of exactly
 *     4096 bytes (Linux's PIPE_BUF): the JSON object {@code {"reply":"reply-PID-N","id":7,
 *     "task":"fib","args":[30],"kwargs":{}}} padded with spaces and ending in a newline. A write of
 *     at most PIPE_BUF bytes enters a pipe whole, never interleaved with other writers' bytes, and as
 *     every write and every read is one whole record, each worker's read takes exactly one request:
 *     any number of clients may write and any number of workers may read at once. A request must
 *     fit a record (about 4 KB of JSON).</li>
 * <li>{@code reply-PID-N}, one FIFO per client engine, made by the client (PID is its process).
 *     A worker answers with one line {@code {"id":7,"result":832040,"worker":"worker-PID-N","ms":0.1}}
 *     (or {@code "error"} with the Java stack trace), written in one write when it fits 4096 bytes;
 *     a larger reply is written to the file {@code reply-PID-N.ID.json} (renamed into place when
 *     complete) and the line is {@code {"id":7,"file":"reply-PID-N.7.json"}}. The client, the only
 *     reader, deletes the file after reading it. Before running a request the worker acknowledges it
 *     with the line {@code {"id":7,"taken":"worker-PID-N"}}.</li>
 * <li>{@code worker-PID-N}, one regular file per live worker holding its thread count.</li>
 * </ul>
 * Both sides open pipes for reading and writing, so no open blocks waiting for the other side and
 * no reader sees end-of-file when a peer goes away.
 *
 * <p><b>Guarantees.</b> Every request is read by one worker; a reply reaches its client if the
 * client is alive. A watchdog checks every {@value #WATCH_MILLIS} ms whether the workers holding
 * this client's calls (by their acknowledgements) are alive and whether a worker died at all; the
 * calls of a worker that died are sent again for another worker, and so are the calls not yet
 * acknowledged (the dead worker may have read one without acknowledging it: such a call may run
 * twice, and the first answer counts); the death is reported on the diagnostics stream and in the
 * batch; a call that has been taken by {@value #MAX_ATTEMPTS} workers that died fails. So, as with
 * the processes engine, a call runs at least once, and exactly once unless a worker dies.
 * Calls sent while no worker runs wait in the pipe for one. A client closing its engine fails the
 * calls still pending. Linux only (see {@code Fifos.checkPlatform}).
 */
public final class FifoEngine implements Engine {
    /** How often the watchdog looks for dead workers, in milliseconds. */
    public static final int WATCH_MILLIS = 500;
    /** How many times a call is taken by a worker before it is failed for its workers dying. */
    public static final int MAX_ATTEMPTS = 3;

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Path dir;
    private final int workers;
    private final String replyName;
    private final Path replyFifo;
    private final RandomAccessFile requests;
    private final RandomAccessFile replies;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Set<Batch> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final Thread reader;
    private final Thread watchdog;
    private final Set<Map.Entry<String, Batch>> deathsReported = ConcurrentHashMap.newKeySet();
    private final Set<String> deadSeen = new HashSet<>();
    private final EngineConfig config;
    private volatile boolean closed;

    /**
     * Connects to the workers serving {@link EngineConfig#fifoDir()}.
     *
     * @param config the FIFO directory and diagnostics stream
     * @throws RanksException ({@link ErrorClass#ARG}) when the directory is not given or missing, has
     *     no request pipe, or no live worker; ({@link ErrorClass#UNAVAILABLE}) off Linux or without
     *     {@code mkfifo}
     */
    public FifoEngine(EngineConfig config) {
        Fifos.checkPlatform();
        this.config = config;
        this.dir = Fifos.checkDirectory(config.fifoDir());
        Path requestsFifo = dir.resolve(Fifos.REQUESTS);
        if (!Fifos.isFifo(requestsFifo)) {
            throw new RanksException(ErrorClass.ARG, "fifo directory " + dir + " has no request pipe '"
                    + Fifos.REQUESTS + "': expected a directory a worker serves (start one with: launcher worker --fifo "
                    + dir + ")");
        }
        this.workers = liveWorkerThreads();
        if (workers == 0) {
            throw new RanksException(ErrorClass.ARG, "no live worker serves fifo directory " + dir
                    + ": expected at least one (start one with: launcher worker --fifo " + dir + ")");
        }
        this.replyName = Fifos.REPLY_PREFIX + ProcessHandle.current().pid() + "-" + COUNT.getAndIncrement();
        this.replyFifo = dir.resolve(replyName);
        try {
            Files.deleteIfExists(replyFifo);
            Fifos.mkfifo(replyFifo);
            this.replies = Fifos.open(replyFifo);
            this.requests = Fifos.open(requestsFifo);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot open the pipes of " + dir + ": " + e, e);
        }
        this.reader = new Thread(this::read, "ranks-" + replyName);
        this.reader.setDaemon(true);
        this.reader.start();
        this.deadSeen.addAll(deadWorkers());
        this.watchdog = new Thread(this::watch, "ranks-" + replyName + "-watchdog");
        this.watchdog.setDaemon(true);
        this.watchdog.start();
    }

    @Override
    public String name() {
        return "fifo";
    }

    /** @return the threads of the workers that were live when the engine opened */
    @Override
    public int workers() {
        return workers;
    }

    @Override
    public Batch submit(List<Call> calls) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "the fifo engine is closed: expected an open engine");
        }
        Batch batch = new Batch(name(), workers, calls);
        byte[][] records = new byte[calls.size()][];
        long[] requestIds = new long[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            requestIds[i] = ids.getAndIncrement();
            records[i] = record(requestIds[i], calls.get(i));
        }
        open.add(batch);
        try {
            for (int i = 0; i < records.length; i++) {
                pending.put(requestIds[i], new Pending(batch, i, 1, null));
                write(records[i]);
            }
        } catch (IOException e) {
            batch.failRemaining("cannot write to " + dir.resolve(Fifos.REQUESTS) + ": " + e, "fifo");
        }
        return batch;
    }

    private byte[] record(long requestId, Call call) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reply", replyName);
        request.putAll(Json.readObject(Json.writeRequest(requestId, call)));
        return Fifos.record(Json.write(request));
    }

    private void write(byte[] record) throws IOException {
        synchronized (requests) {
            requests.write(record);
        }
    }

    /**
     * Every {@value #WATCH_MILLIS} ms: forgets answered calls, and when a worker has died since the
     * last look (its marker left behind by a process that is gone), sends again the calls it had
     * acknowledged and every call not acknowledged yet, since the dead worker may have read one
     * without acknowledging it. An unacknowledged call may thus run twice; the first answer counts.
     */
    private void watch() {
        try {
            while (!closed) {
                Thread.sleep(WATCH_MILLIS);
                Set<String> newlyDead = new HashSet<>(deadWorkers());
                newlyDead.removeAll(deadSeen);
                deadSeen.addAll(newlyDead);
                Map<String, Boolean> alive = new HashMap<>();
                // A copy: re-sending adds entries, which must wait for the next look.
                for (Map.Entry<Long, Pending> e : new ArrayList<>(pending.entrySet())) {
                    Pending p = e.getValue();
                    if (p.batch().isDone(p.index())) {
                        pending.remove(e.getKey(), p);
                    } else if (p.worker() != null && !alive.computeIfAbsent(p.worker(),
                            w -> Fifos.ownerAlive(w, Fifos.WORKER_PREFIX))) {
                        if (pending.remove(e.getKey(), p)) {
                            rerun(p, p.worker());
                        }
                    } else if (p.worker() == null && !newlyDead.isEmpty() && p.attempts() < MAX_ATTEMPTS) {
                        report(p, newlyDead.iterator().next(), "; its calls not yet acknowledged, such as call "
                                + p.index() + ", are sent again");
                        resend(p);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                config.diagnostics().println("ranks: fifo client " + replyName + " cannot re-send calls: " + e);
            }
        }
    }

    private Set<String> deadWorkers() {
        Set<String> dead = new HashSet<>();
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(dir, Fifos.WORKER_PREFIX + "*")) {
            for (Path marker : markers) {
                String name = marker.getFileName().toString();
                if (!Fifos.ownerAlive(name, Fifos.WORKER_PREFIX)) {
                    dead.add(name);
                }
            }
        } catch (IOException e) {
            config.diagnostics().println("ranks: fifo client " + replyName + " cannot list the workers of " + dir + ": " + e);
        }
        return dead;
    }

    private void rerun(Pending p, String worker) throws IOException {
        Call call = p.batch().calls().get(p.index());
        if (p.attempts() >= MAX_ATTEMPTS) {
            String report = report(p, worker, running(p) + ": failing it after " + p.attempts() + " attempts");
            p.batch().complete(Outcome.failure(p.index(), call, report, worker, 0, p.attempts()));
            return;
        }
        report(p, worker, running(p) + ": re-sending it for another worker");
        resend(p);
    }

    private void resend(Pending p) throws IOException {
        long requestId = ids.getAndIncrement();
        pending.put(requestId, new Pending(p.batch(), p.index(), p.attempts() + 1, null));
        write(record(requestId, p.batch().calls().get(p.index())));
    }

    private static String running(Pending p) {
        Call call = p.batch().calls().get(p.index());
        return " running call " + p.index() + " " + call.task() + " " + call.args();
    }

    /** Reports a worker's death once per batch, with what became of the first call it concerns. */
    private String report(Pending p, String worker, String fate) {
        String report = "worker " + worker + " died" + fate;
        if (deathsReported.add(Map.entry(worker, p.batch()))) {
            config.diagnostics().println("ranks: " + report);
            p.batch().reportDeath(report);
        }
        return report;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Wakes the reader, blocked in a read no interrupt can end.
            synchronized (replies) {
                replies.write("{\"close\":true}\n".getBytes(StandardCharsets.UTF_8));
            }
            reader.join(5000);
            watchdog.interrupt();
        } catch (IOException e) {
            config.diagnostics().println("ranks: fifo client " + replyName + " could not stop its reader: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Batch batch : open) {
            batch.failRemaining("the fifo engine was closed before a worker answered", "fifo");
        }
        try {
            requests.close();
            replies.close();
            Files.deleteIfExists(replyFifo);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, replyName + ".*")) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            config.diagnostics().println("ranks: fifo client " + replyName + " could not clean up in " + dir + ": " + e);
        }
    }

    private int liveWorkerThreads() {
        int threads = 0;
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(dir, Fifos.WORKER_PREFIX + "*")) {
            for (Path marker : markers) {
                if (Fifos.ownerAlive(marker.getFileName().toString(), Fifos.WORKER_PREFIX)) {
                    threads += Integer.parseInt(Files.readString(marker).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new RanksException(ErrorClass.ARG, -1, "cannot read the worker markers of " + dir + ": " + e, e);
        }
        return threads;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(replies.getFD()),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !closed; line = in.readLine()) {
                Map<String, Object> reply = Json.readObject(line);
                if (reply.containsKey("close")) {
                    return;
                }
                if (reply.get("taken") instanceof String worker) {
                    pending.computeIfPresent(Json.readLong(reply, "id"),
                            (id, p) -> new Pending(p.batch(), p.index(), p.attempts(), worker));
                    continue;
                }
                if (reply.get("file") instanceof String file) {
                    Path path = dir.resolve(file);
                    reply = Json.readObject(Files.readString(path));
                    Files.delete(path);
                }
                Pending p = pending.remove(Json.readLong(reply, "id"));
                if (p == null) {
                    // The answer to a call given up on when its worker seemed lost.
                    continue;
                }
                p.batch().complete(Json.readOutcome(reply, p.index(), p.batch().calls().get(p.index()), p.attempts()));
                if (p.batch().completed() == p.batch().size()) {
                    open.remove(p.batch());
                }
            }
        } catch (IOException | RanksException e) {
            if (!closed) {
                config.diagnostics().println("ranks: fifo client " + replyName + " stops reading replies: " + e);
                for (Batch batch : open) {
                    batch.failRemaining("the reply pipe failed: " + e, "fifo");
                }
            }
        }
    }

    /** A call sent and not answered: its attempt, and the worker that acknowledged it, or null. */
    private record Pending(Batch batch, int index, int attempts, String worker) {
    }

    /** Opens {@link FifoEngine}s as the engine {@code fifo}. */
    public static final class Provider implements EngineProvider {
        /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
        public Provider() {
        }

        @Override
        public String name() {
            return "fifo";
        }

        @Override
        public Engine open(EngineConfig config) {
            return new FifoEngine(config);
        }
    }
}
