package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker of the FIFO engine: serves the named pipes of a directory for any client, in this
 * process or another ({@code launcher worker --fifo DIR}). See {@link FifoEngine} for the protocol.
 *
 * <p>The worker acknowledges each request to its client before running it (so that the client
 * can re-send the calls of a worker that died) and reads a request only when one of its threads is free, so that with several
 * workers on one directory the next request goes to whichever has a free thread. Its marker file
 * {@code worker-PID-N} tells clients that someone serves the directory; it is deleted by
 * {@link #close()} (a worker killed outright leaves it behind, and clients skip markers whose
 * process is gone).
 */
public final class FifoWorker implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Path dir;
    private final TaskRegistry registry;
    private final PrintStream log;
    private final String id;
    private final Path marker;
    private final RandomAccessFile requests;
    private final Semaphore free;
    private final ExecutorService pool;
    private final Map<String, RandomAccessFile> replies = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closed;

    private FifoWorker(Path dir, TaskRegistry registry, int threads, PrintStream log) throws IOException {
        this.dir = dir;
        this.registry = registry;
        this.log = log;
        this.id = Fifos.WORKER_PREFIX + ProcessHandle.current().pid() + "-" + COUNT.getAndIncrement();
        this.requests = Fifos.open(dir.resolve(Fifos.REQUESTS));
        this.free = new Semaphore(threads);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ranks-" + id);
            t.setDaemon(true);
            return t;
        });
        this.marker = dir.resolve(id);
        Files.writeString(marker, threads + "\n");
        this.reader = new Thread(this::read, "ranks-" + id + "-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts serving a directory: makes it and its request pipe where they are missing, writes the
     * marker and starts reading requests.
     *
     * @param dir the directory
     * @param registry the tasks to run
     * @param threads how many calls run at once
     * @param log where undecodable requests and replies that could not be delivered are reported
     * @return the running worker; {@link #await()} blocks until it is closed
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) off Linux or without {@code mkfifo};
     *     ({@link ErrorClass#ARG}) when {@code requests} in the directory exists but is not a named
     *     pipe, or the thread count is below 1
     */
    public static FifoWorker serve(Path dir, TaskRegistry registry, int threads, PrintStream log) {
        Fifos.checkPlatform();
        if (threads < 1) {
            throw new RanksException(ErrorClass.ARG, "fifo worker threads " + threads + " is invalid: expected at least 1");
        }
        Path requests = dir.resolve(Fifos.REQUESTS);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(requests)) {
                try {
                    Fifos.mkfifo(requests);
                } catch (RanksException e) {
                    // Another worker starting at the same time may have made it first.
                    if (!Fifos.isFifo(requests)) {
                        throw e;
                    }
                }
            }
            if (!Fifos.isFifo(requests)) {
                throw new RanksException(ErrorClass.ARG, requests + " is not a named pipe: expected a directory"
                        + " whose 'requests' is a FIFO made by a worker, or none");
            }
            return new FifoWorker(dir.toAbsolutePath(), registry, threads, log);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, "cannot serve fifo directory " + dir + ": " + e, e);
        }
    }

    /**
     * Serves a directory until the process is stopped: {@code java dev.ranks.pipeline.FifoWorker DIR
     * [THREADS]}, with the tasks on the class path. {@code launcher worker --fifo DIR} does the same.
     *
     * @param args the directory, then optionally the thread count (default: the processor count)
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java dev.ranks.pipeline.FifoWorker DIR [THREADS]");
            System.exit(2);
        }
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        FifoWorker worker = serve(Path.of(args[0]), TaskRegistry.load(), threads, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "ranks-fifo-worker-stop"));
        System.err.println("ranks: " + worker.id() + " serves " + args[0] + " with " + threads + " threads");
        worker.await();
    }

    /** @return this worker's id, its marker file's name {@code worker-PID-N} */
    public String id() {
        return id;
    }

    /**
     * Blocks until the worker is closed.
     *
     * @throws RanksException ({@link ErrorClass#ABORTED}) when this thread is interrupted
     */
    public void await() {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while serving " + dir, e);
        }
    }

    /**
     * Stops reading requests, lets calls running finish (for up to 10 s), and deletes the marker.
     * The reader is stopped by a stop record carrying this worker's id, sent through the request
     * pipe, as a thread blocked reading a pipe cannot be interrupted.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(marker);
            synchronized (requests) {
                requests.write(Fifos.record(Json.write(Map.of("stop", id))));
            }
            reader.join(5000);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.println("ranks: fifo worker " + id + " could not stop cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
            closeQuietly(requests);
            replies.values().forEach(FifoWorker::closeQuietly);
        }
    }

    private void read() {
        byte[] record = new byte[Fifos.RECORD];
        try {
            while (true) {
                free.acquire();
                requests.readFully(record);
                String text = new String(record, StandardCharsets.UTF_8).trim();
                Map<String, Object> request;
                try {
                    request = Json.readObject(text);
                } catch (RanksException e) {
                    log.println("ranks: fifo worker " + id + " skips an undecodable request: " + e.getMessage());
                    free.release();
                    continue;
                }
                if (request.containsKey("stop")) {
                    free.release();
                    if (id.equals(request.get("stop"))) {
                        return;
                    }
                    // Another worker's stop record: pass it on and leave the pipe to that worker for a moment.
                    synchronized (requests) {
                        requests.write(record);
                    }
                    Thread.sleep(10);
                    continue;
                }
                acknowledge(request);
                pool.execute(() -> {
                    try {
                        answer(request);
                    } finally {
                        free.release();
                    }
                });
            }
        } catch (IOException e) {
            if (!closed) {
                log.println("ranks: fifo worker " + id + " stops: the request pipe failed: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells the client which worker took the request, so that it can re-send it should this worker die. */
    private void acknowledge(Map<String, Object> request) {
        if (request.get("reply") instanceof String name && name.startsWith(Fifos.REPLY_PREFIX) && !name.contains("/")
                && request.get("id") instanceof Long requestId) {
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("id", requestId);
            ack.put("taken", id);
            try {
                deliver(name, requestId, Json.write(ack));
            } catch (IOException e) {
                log.println("ranks: fifo worker " + id + " could not acknowledge request " + requestId + " of " + name
                        + ": " + e);
            }
        }
    }

    private void answer(Map<String, Object> request) {
        Object reply = request.get("reply");
        if (!(reply instanceof String name) || !name.startsWith(Fifos.REPLY_PREFIX) || name.contains("/")) {
            log.println("ranks: fifo worker " + id + " skips a request without a valid reply pipe: "
                    + Json.write(request));
            return;
        }
        long requestId;
        Outcome outcome;
        try {
            requestId = Json.readLong(request, "id");
            outcome = registry.run(0, Json.readCall(request), id, 1);
        } catch (RanksException e) {
            log.println("ranks: fifo worker " + id + " skips an invalid request: " + e.getMessage());
            return;
        }
        try {
            deliver(name, requestId, Json.writeReply(requestId, outcome));
        } catch (IOException e) {
            log.println("ranks: fifo worker " + id + " could not answer request " + requestId + " of " + name + ": " + e);
        }
    }

    private void deliver(String name, long requestId, String replyJson) throws IOException {
        Path fifo = dir.resolve(name);
        if (!Files.exists(fifo) || !Fifos.ownerAlive(name, Fifos.REPLY_PREFIX)) {
            // A client that is gone would never drain its pipe, and a full pipe would block this thread.
            RandomAccessFile stale = replies.remove(name);
            if (stale != null) {
                closeQuietly(stale);
            }
            log.println("ranks: fifo worker " + id + " drops the reply to request " + requestId + ": client " + name
                    + " is gone");
            return;
        }
        byte[] line = (replyJson + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length > Fifos.RECORD) {
            String file = name + "." + requestId + ".json";
            Path tmp = dir.resolve(file + ".tmp");
            Files.write(tmp, line);
            Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE);
            Map<String, Object> pointer = new LinkedHashMap<>();
            pointer.put("id", requestId);
            pointer.put("file", file);
            line = (Json.write(pointer) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        RandomAccessFile out = replies.computeIfAbsent(name, n -> {
            try {
                return Fifos.open(fifo);
            } catch (IOException e) {
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot open reply pipe " + fifo, e);
            }
        });
        out.write(line);
    }

    private static void closeQuietly(RandomAccessFile file) {
        try {
            file.close();
        } catch (IOException e) {
            // Closing after use: nothing is lost if it fails.
        }
    }
}
