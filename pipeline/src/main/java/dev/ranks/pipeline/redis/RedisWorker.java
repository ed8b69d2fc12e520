package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskContext;
import dev.ranks.pipeline.TaskRegistry;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.params.ZAddParams;

/**
 * A worker of the Redis task queue: consumes named queues, runs each message's task from a
 * {@link TaskRegistry}, and stores results in Celery's result backend, so that Celery clients and
 * Ranks clients alike can use it.
 *
 * <p>Delivery is at least once, with acknowledgement after the task (Celery's {@code acks_late}):
 * fetching a message records it in kombu's unacknowledged set in the same server-side step, and
 * the result is stored and the message acknowledged in one step too. A worker that dies (even by
 * SIGKILL) leaves its messages unacknowledged; any worker, Ranks or Celery, puts them back in
 * their queue once the visibility timeout has passed; a live worker renews the delivery time of the
 * messages it holds, so a long task is not handed out twice. A task may nevertheless run more than once:
 * tasks must be idempotent, as they must under Celery with {@code acks_late}.
 *
 * <p>A failing task is retried with exponential backoff up to {@link WorkerOptions#maxRetries()}
 * times (state {@code RETRY} meanwhile), then stored as {@code FAILURE} with the Java stack trace as
 * its traceback; argument errors ({@link IllegalArgumentException}, {@link RanksException} of class
 * ARG) fail at once, since running again will not help. A message that cannot be decoded, or names
 * a task the registry does not have, goes to the dead-letter list {@code ranks.dead.<queue>} with
 * the reason (and, when its id is known, a {@code FAILURE} state so its client does not wait
 * forever), and the worker carries on. Revoked and expired tasks are stored as {@code REVOKED}
 * without running. Closing the worker stops fetching, hands back the messages it holds but has not
 * started, lets running tasks finish within the shutdown grace and hands back those that do not;
 * it ends even when the broker is down (see {@link #close()}).
 */
public final class RedisWorker implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int FETCH_BATCH = 64;
    private static final int FINISH_BATCH = 256;

    private final Broker broker;
    private final WorkerOptions options;
    private final TaskRegistry registry;
    private final PrintStream diagnostics;
    private final String id;
    private final Semaphore slots;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Delivery> held = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final Object wake = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Instant started = Instant.now();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong revokedCount = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong notStored = new AtomicLong();
    private final java.util.concurrent.BlockingQueue<List<String>> finishing = new LinkedBlockingQueue<>();
    private final Thread finisher;
    private volatile boolean finisherMayStop;
    private volatile boolean running = true;
    private volatile boolean idle;
    private boolean woken;
    private double revokedSince;

    /** A message this worker holds: waiting for its ETA or a thread, running, or handed back. */
    private record Delivery(String tag, CeleryMessage message, boolean holdsSlot, AtomicInteger state) {
        static final int WAITING = 0;
        static final int RUNNING = 1;
        static final int HANDED_BACK = 2;

        Delivery(String tag, CeleryMessage message, boolean holdsSlot) {
            this(tag, message, holdsSlot, new AtomicInteger(WAITING));
        }
    }

    /**
     * What a worker has done so far.
     *
     * @param succeeded tasks stored as SUCCESS
     * @param failed tasks stored as FAILURE after their retries
     * @param retried retries sent
     * @param deadLettered messages sent to a dead-letter list
     * @param revoked revoked or expired tasks skipped
     * @param active tasks running now
     */
    public record Counts(long succeeded, long failed, long retried, long deadLettered, long revoked, int active) {
    }

    private RedisWorker(Broker broker, WorkerOptions options, TaskRegistry registry, PrintStream diagnostics) {
        this.broker = broker;
        this.options = options;
        this.registry = registry;
        this.diagnostics = diagnostics;
        this.id = "ranks-" + hostName() + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        this.slots = new Semaphore(options.concurrency() * options.prefetch());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(options.concurrency(), options.concurrency(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "ranks-worker-" + n.incrementAndGet()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ranks-worker-timer"));
        this.finisher = daemon(this::finishLoop, "ranks-worker-finish");
    }

    /**
     * Connects to the broker and starts consuming.
     *
     * @param url the broker
     * @param options the queues and policies
     * @param registry the tasks it runs
     * @param diagnostics where it reports dead letters, outages and shutdown
     * @return the running worker
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the broker cannot be reached or
     *     refuses the credentials
     */
    public static RedisWorker start(BrokerUrl url, WorkerOptions options, TaskRegistry registry, PrintStream diagnostics) {
        // a running worker outlives any outage; close() bounds the reconnecting (see Broker#bound)
        Broker broker = new Broker(url, options.concurrency() + options.queues().size() + 4, "ranks-worker", diagnostics,
                null);
        try {
            broker.ping();
        } catch (RanksException e) {
            broker.close();
            throw e;
        }
        RedisWorker worker = new RedisWorker(broker, options, registry, diagnostics);
        worker.begin();
        return worker;
    }

    private void begin() {
        refreshRevoked();
        restoreVisible();
        heartbeat();
        long restoreEvery = Math.max(500, Math.min(options.visibilityTimeout().toMillis() / 4, 30_000));
        scheduler.scheduleWithFixedDelay(guarded(this::heartbeat), 2, 2, TimeUnit.SECONDS);
        long renewEvery = Math.max(100, Math.min(options.visibilityTimeout().toMillis() / 3, 2_000));
        scheduler.scheduleWithFixedDelay(guarded(this::renewHeld), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(this::refreshRevoked), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(guarded(this::restoreVisible), restoreEvery, restoreEvery, TimeUnit.MILLISECONDS);
        Thread fetcher = daemon(this::fetchLoop, "ranks-worker-fetch");
        threads.add(fetcher);
        for (String queue : options.queues()) {
            threads.add(daemon(() -> waitLoop(queue), "ranks-worker-wait-" + queue));
        }
        threads.forEach(Thread::start);
        finisher.start();
    }

    /** @return this worker's id, as its heartbeat key and dead letters name it */
    public String id() {
        return id;
    }

    /** @return the broker it consumes from */
    public BrokerUrl broker() {
        return broker.url();
    }

    /** @return what it has done so far */
    public Counts counts() {
        return new Counts(succeeded.get(), failed.get(), retried.get(), deadLettered.get(), revokedCount.get(), active.get());
    }

    /**
     * Blocks until the worker is closed.
     *
     * @throws InterruptedException when interrupted meanwhile
     */
    public void await() throws InterruptedException {
        stopped.await();
    }

    private void fetchLoop() {
        while (running) {
            try {
                if (!slots.tryAcquire(1, 200, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int want = 1;
                while (want < FETCH_BATCH && slots.tryAcquire()) {
                    want++;
                }
                int got = 0;
                for (String queue : options.queues()) {
                    if (got == want || !running) {
                        break;
                    }
                    got += fetch(queue, want - got);
                }
                slots.release(want - got);
                if (got == 0) {
                    sleepUntilWoken();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RanksException e) {
                if (running) {
                    diagnostics.println("worker " + id + ": " + e.getMessage() + "; stopping");
                    diagnostics.flush();
                    new Thread(this::close, "ranks-worker-stop").start();
                }
                return;
            }
        }
    }

    private int fetch(String queue, int max) {
        List<String> keys = new ArrayList<>(List.of(Keys.UNACKED, Keys.UNACKED_INDEX, Keys.dead(queue),
                Keys.FETCH_PREFIX + id));
        keys.addAll(Keys.lists(queue));
        List<String> args = List.of(Keys.scoreArgument(Instant.now()), String.valueOf(max), queue, id,
                String.valueOf(fetches.incrementAndGet()));
        @SuppressWarnings("unchecked")
        List<String> pairs = (List<String>) broker.call(redis -> Scripts.run(redis, Scripts.FETCH, keys, args));
        for (int i = 0; i < pairs.size(); i += 2) {
            dispatch(queue, pairs.get(i), pairs.get(i + 1));
        }
        return pairs.size() / 2;
    }

    private void sleepUntilWoken() throws InterruptedException {
        synchronized (wake) {
            idle = true;
            wake.notifyAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (running && !woken && System.nanoTime() < deadline) {
                wake.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            woken = false;
            idle = false;
        }
    }

    /**
     * Blocks on a queue without taking anything from it ({@code BLMOVE q q RIGHT RIGHT} moves the
     * last message onto itself), and wakes the fetcher when something arrives.
     */
    private void waitLoop(String queue) {
        while (running) {
            try (Jedis redis = broker.connection()) {
                while (running) {
                    synchronized (wake) {
                        while (running && !idle) {
                            wake.wait(500);
                        }
                    }
                    if (running && redis.blmove(queue, queue, ListDirection.RIGHT, ListDirection.RIGHT, 1.0) != null) {
                        synchronized (wake) {
                            woken = true;
                            idle = false;
                            wake.notifyAll();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the fetcher reports outages; waiting again after a pause is all this thread can do
                pause(500);
            }
        }
    }

    private void dispatch(String queue, String tag, String raw) {
        CeleryMessage message;
        try {
            message = CeleryMessage.decode(raw);
        } catch (RanksException e) {
            deadLetter(queue, tag, raw, e.getMessage(), null);
            slots.release();
            return;
        }
        Task task;
        try {
            task = registry.task(message.call().task());
        } catch (RanksException e) {
            deadLetter(queue, tag, raw, e.getMessage(), message);
            slots.release();
            return;
        }
        if (revoked.contains(message.id()) || expired(message)) {
            skip(tag, message, revoked.contains(message.id()) ? "revoked" : "expired at " + message.expires());
            slots.release();
            return;
        }
        Instant now = Instant.now();
        if (message.eta() != null && message.eta().isAfter(now)) {
            // like Celery, a task waiting for its ETA does not count against the prefetch
            Delivery delivery = new Delivery(tag, message, false);
            held.put(tag, delivery);
            slots.release();
            scheduler.schedule(() -> submit(delivery, task, queue),
                    Duration.between(now, message.eta()).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Delivery delivery = new Delivery(tag, message, true);
        held.put(tag, delivery);
        submit(delivery, task, queue);
    }

    private void submit(Delivery delivery, Task task, String queue) {
        if (!running) {
            return;
        }
        executor.execute(() -> run(delivery, task, queue));
    }

    private void run(Delivery delivery, Task task, String queue) {
        CeleryMessage message = delivery.message();
        try {
            if (!running || !delivery.state().compareAndSet(Delivery.WAITING, Delivery.RUNNING)) {
                return;
            }
            if (revoked.contains(message.id()) || expired(message)) {
                skip(delivery.tag(), message, revoked.contains(message.id()) ? "revoked" : "expired");
                return;
            }
            active.incrementAndGet();
            Object result;
            long start = System.nanoTime();
            try {
                result = new TaskContext(message.id(), message.call().task()).run(task, message.call().args(),
                        message.call().kwargs());
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                failedRun(delivery, queue, e, (System.nanoTime() - start) / 1e6);
                return;
            } finally {
                active.decrementAndGet();
            }
            TaskState state = TaskState.success(message.id(), Json.normalize(result))
                    .ranBy(runner(), (System.nanoTime() - start) / 1e6).asked(message.call(), queue);
            succeeded.incrementAndGet();
            finish(delivery.tag(), state, null, null);
        } catch (RanksException e) {
            diagnostics.println("worker " + id + ": task " + message.id() + " could not be finished: " + e.getMessage());
            diagnostics.flush();
        } finally {
            held.remove(delivery.tag());
            if (delivery.holdsSlot()) {
                slots.release();
            }
        }
    }

    /** @return who runs on this thread: the worker's id and the thread's number, such as {@code ranks-host-42-1-3} */
    private String runner() {
        return Thread.currentThread().getName().replace("ranks-worker", id);
    }

    private void failedRun(Delivery delivery, String queue, Throwable e, double millis) {
        String by = runner();
        CeleryMessage message = delivery.message();
        String trace = Outcome.trace(e);
        boolean argumentError = e instanceof IllegalArgumentException
                || (e instanceof RanksException r && r.errorClass() == ErrorClass.ARG);
        if (!argumentError && message.retries() < options.maxRetries()) {
            Instant when = Instant.now().plus(backoff(message.retries()));
            TaskState state = TaskState.failure(message.id(), TaskState.RETRY, e.getClass().getName(), e.getMessage(), trace)
                    .ranBy(by, millis).asked(message.call(), queue);
            finish(delivery.tag(), state, Keys.lists(queue).get(0), message.retry(when).encode());
            retried.incrementAndGet();
        } else {
            TaskState state = TaskState.failure(message.id(), TaskState.FAILURE, e.getClass().getName(), e.getMessage(), trace)
                    .ranBy(by, millis).asked(message.call(), queue);
            finish(delivery.tag(), state, null, null);
            failed.incrementAndGet();
        }
    }

    /** Exponential backoff with equal jitter: between half and all of base times 2^retries, capped. */
    private Duration backoff(int retries) {
        long base = options.retryBackoff().toMillis();
        long full = Math.min(options.retryBackoffMax().toMillis(), base << Math.min(retries, 30));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    private boolean expired(CeleryMessage message) {
        return message.expires() != null && message.expires().isBefore(Instant.now());
    }

    private void skip(String tag, CeleryMessage message, String why) {
        finish(tag, TaskState.failure(message.id(), TaskState.REVOKED, "celery.exceptions.TaskRevokedError", why, null)
                .asked(message.call(), message.queue()), null, null);
        held.remove(tag);
        revokedCount.incrementAndGet();
    }

    private void deadLetter(String queue, String tag, String raw, String reason, CeleryMessage message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("reason", reason);
        entry.put("queue", queue);
        entry.put("time", Instant.now().toString());
        entry.put("worker", id);
        entry.put("id", message == null ? null : message.id());
        entry.put("task", message == null ? null : message.call().task());
        entry.put("message", raw);
        TaskState state = message == null ? null
                : TaskState.failure(message.id(), TaskState.FAILURE, "celery.exceptions.NotRegistered", reason, null);
        finish(tag, state, Keys.dead(queue), Json.write(entry));
        deadLettered.incrementAndGet();
        diagnostics.println("worker " + id + ": dead letter on " + Keys.dead(queue) + ": " + reason);
        diagnostics.flush();
    }

    /**
     * Hands a delivery's end (state, push, acknowledgement) to the finisher thread, which sends
     * what has gathered in one script call: one round trip per batch instead of per task.
     */
    private void finish(String tag, TaskState state, String pushKey, String pushValue) {
        String key = state == null ? TaskState.key("none") : TaskState.key(state.id());
        finishing.add(List.of(tag, key, state == null ? "" : state.encode(), pushKey == null ? key : pushKey,
                pushValue == null ? "" : pushValue));
    }

    private void finishLoop() {
        List<List<String>> batch = new ArrayList<>();
        while (true) {
            try {
                List<String> first = finishing.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!running && finishing.isEmpty() && finisherMayStop) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                finishing.drainTo(batch, FINISH_BATCH - 1);
                List<String> args = new ArrayList<>(1 + 5 * batch.size());
                args.add(String.valueOf(options.resultExpires().toSeconds()));
                batch.forEach(args::addAll);
                broker.call(redis -> Scripts.run(redis, Scripts.FINISH_MANY, List.of(Keys.UNACKED, Keys.UNACKED_INDEX),
                        args));
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RanksException e) {
                notStored.addAndGet(batch.size());
                if (running) {
                    diagnostics.println("worker " + id + ": " + batch.size() + " result(s) could not be stored: "
                            + e.getMessage() + "; their messages come back after the visibility timeout");
                    diagnostics.flush();
                }
                batch.clear();
                if (broker.closed()) {
                    return;
                }
            }
        }
    }

    private void restore(String tag) {
        broker.call(redis -> Scripts.run(redis, Scripts.RESTORE, List.of(Keys.UNACKED, Keys.UNACKED_INDEX),
                List.of("0", "0", tag)));
    }

    private void restoreVisible() {
        String cutoff = Keys.scoreArgument(Instant.now().minus(options.visibilityTimeout()));
        long n;
        do {
            n = (Long) broker.call(redis -> Scripts.run(redis, Scripts.RESTORE, List.of(Keys.UNACKED, Keys.UNACKED_INDEX),
                    List.of(cutoff, "100", "")));
            if (n > 0) {
                diagnostics.println("worker " + id + ": " + n + " message(s) unacknowledged for over "
                        + options.visibilityTimeout() + " put back in their queues");
                diagnostics.flush();
            }
        } while (n == 100);
    }

    /**
     * Moves the delivery time of every message this worker holds to now, so that only the messages
     * of a worker that stopped renewing (it died) outlive the visibility timeout: a long task, or
     * one waiting for a distant ETA, is not handed to a second worker while the first is alive
     * (kombu's Redis transport has no such renewal, so Celery runs such tasks twice).
     */
    private void renewHeld() {
        List<String> tags = new ArrayList<>(held.keySet());
        if (tags.isEmpty()) {
            return;
        }
        double now = Keys.score(Instant.now());
        broker.call(redis -> {
            Pipeline pipe = redis.pipelined();
            for (String tag : tags) {
                pipe.zadd(Keys.UNACKED_INDEX, now, tag, ZAddParams.zAddParams().xx());
            }
            pipe.sync();
            return null;
        });
    }

    private void refreshRevoked() {
        double now = Keys.score(Instant.now());
        double since = revokedSince;
        List<String> ids = broker.call(redis -> redis.zrangeByScore(Keys.REVOKED, since == 0 ? "-inf" : String.valueOf(since - 5), "+inf"));
        revoked.addAll(ids);
        revokedSince = now;
    }

    private void heartbeat() {
        Map<String, Object> beat = new LinkedHashMap<>();
        beat.put("id", id);
        beat.put("host", hostName());
        beat.put("pid", ProcessHandle.current().pid());
        beat.put("queues", options.queues());
        beat.put("concurrency", options.concurrency());
        beat.put("active", active.get());
        beat.put("succeeded", succeeded.get());
        beat.put("failed", failed.get());
        beat.put("started", started.toString());
        String value = Json.write(beat);
        broker.call(redis -> redis.setex(Keys.WORKER_PREFIX + id, Keys.WORKER_TTL_SECONDS, value));
    }

    private Runnable guarded(Runnable job) {
        return () -> {
            if (!running) {
                return;
            }
            try {
                job.run();
            } catch (RuntimeException e) {
                // a job interrupted by close() has nothing to report: close() says what became of the messages
                if (running) {
                    diagnostics.println("worker " + id + ": " + e.getMessage());
                    diagnostics.flush();
                }
            }
        };
    }

    /**
     * Stops the worker: no more fetching; messages held but not started go back to their queues at
     * once; running tasks get the shutdown grace to finish, and those still running then go back
     * too (they will run again elsewhere).
     *
     * <p>Stopping always ends, whatever the broker's state: from here on an operation that cannot
     * reach the broker gives up after the reconnect window ({@link WorkerOptions#reconnectWindow()}),
     * so the whole stop takes at most about the shutdown grace plus that window. What could not
     * be handed back, or whose result could not be stored, is said on the diagnostics stream; none
     * of it is lost: its message stays in {@code unacked} and goes back to its queue after the
     * visibility timeout.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        broker.bound(options.reconnectWindow());
        long graceEnd = System.nanoTime() + options.shutdownGrace().toNanos();
        synchronized (wake) {
            wake.notifyAll();
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        scheduler.shutdownNow();
        executor.shutdown();
        HandBack back = new HandBack();
        try {
            for (Delivery delivery : List.copyOf(held.values())) {
                if (delivery.state().compareAndSet(Delivery.WAITING, Delivery.HANDED_BACK)) {
                    held.remove(delivery.tag());
                    back.restore(delivery);
                }
            }
            long graceLeft = Math.max(0, graceEnd - System.nanoTime());
            if (!executor.awaitTermination(graceLeft, TimeUnit.NANOSECONDS)) {
                List.copyOf(held.values()).forEach(back::restore);
                executor.shutdownNow();
            }
            finisherMayStop = true;
            // the finisher gives up on an unreachable broker after the window; the margin covers a connect timeout
            finisher.join(options.reconnectWindow().toMillis() + 15_000);
            broker.call(redis -> redis.del(Keys.WORKER_PREFIX + id, Keys.FETCH_PREFIX + id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RanksException e) {
            // only the heartbeat was left to delete, and it expires by itself within 10 s
            back.lost = e;
        } finally {
            List<String> kept = back.kept;
            if (back.handedBack > 0) {
                diagnostics.println("worker " + id + ": " + back.handedBack + " message(s) handed back to their queues");
            }
            long unstored = notStored.get();
            if (back.lost != null && (!kept.isEmpty() || unstored > 0)) {
                diagnostics.println("worker " + id + ": " + back.lost.getMessage());
            }
            if (!kept.isEmpty()) {
                diagnostics.println("worker " + id + ": " + kept.size() + " message(s) could not be handed back (task"
                        + " ids " + String.join(", ", kept.subList(0, Math.min(10, kept.size())))
                        + (kept.size() > 10 ? ", ..." : "") + "): they stay in 'unacked' and go back to their queues"
                        + " after the visibility timeout (" + human(options.visibilityTimeout()) + ")");
            }
            if (unstored > 0) {
                diagnostics.println("worker " + id + ": " + unstored + " result(s) could not be stored: those tasks"
                        + " stay in 'unacked' and run again after the visibility timeout ("
                        + human(options.visibilityTimeout()) + ")");
            }
            diagnostics.println("worker " + id + " stopped");
            diagnostics.flush();
            broker.close();
            stopped.countDown();
        }
    }

    /** A duration as people write it: {@code 1 h}, {@code 90 s}, {@code 250 ms}. */
    private static String human(Duration d) {
        long millis = d.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** What a stopping worker handed back to the queues, and the ids of what it could not. */
    private final class HandBack {
        private int handedBack;
        private final List<String> kept = new ArrayList<>();
        private RanksException lost;

        void restore(Delivery delivery) {
            try {
                RedisWorker.this.restore(delivery.tag());
                handedBack++;
            } catch (RanksException e) {
                lost = e;
                kept.add(delivery.message().id());
            }
        }
    }
}
