package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;

/**
 * The client side of the Redis task queue: sends tasks as Celery messages and reads their states
 * from Celery's result backend, as {@code task.delay(...)} and {@code AsyncResult.get()} do. What
 * it sends, Ranks workers and Celery workers alike consume.
 *
 * <p>Waiting subscribes to each task's result channel (as Celery's client does) and also reads the
 * stored states now and then, so a result published while the connection was down is not missed.
 * A broker that goes away is reconnected to for the reconnect window ({@link #RECONNECT_WINDOW}
 * unless given); after that every operation gives up with an {@link ErrorClass#UNAVAILABLE} error
 * naming the broker.
 *
 * <pre>{@code
 * try (TaskQueue queue = TaskQueue.connect(BrokerUrl.parse("redis://localhost:6379/0"), System.err)) {
 *     String id = queue.send(CeleryMessage.of(Call.of("fib", 30), "fibo_queue"));
 *     System.out.println(queue.await(id, Duration.ofSeconds(30)).result());   // 832040
 * }
 * }</pre>
 */
public final class TaskQueue implements AutoCloseable {
    /** How long a client keeps reconnecting to a broker that went away, unless told otherwise: 60 s. */
    public static final Duration RECONNECT_WINDOW = Duration.ofSeconds(60);

    private static final int CHUNK = 1000;
    private static final long SWEEP_MS = 1000;

    private final Broker broker;

    private TaskQueue(Broker broker) {
        this.broker = broker;
    }

    /**
     * Connects to a broker, with the default reconnect window ({@link #RECONNECT_WINDOW}).
     *
     * @param url the broker
     * @param diagnostics where outages are reported
     * @return the client
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the broker cannot be reached or
     *     refuses the credentials
     */
    public static TaskQueue connect(BrokerUrl url, PrintStream diagnostics) {
        return connect(url, diagnostics, RECONNECT_WINDOW);
    }

    /**
     * Connects to a broker.
     *
     * @param url the broker
     * @param diagnostics where outages are reported
     * @param reconnectWindow how long an operation keeps reconnecting to a broker that went away
     *     before it gives up
     * @return the client
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the broker cannot be reached or
     *     refuses the credentials
     */
    public static TaskQueue connect(BrokerUrl url, PrintStream diagnostics, Duration reconnectWindow) {
        Broker broker = new Broker(url, 4, "ranks-client", diagnostics, reconnectWindow);
        try {
            broker.ping();
        } catch (RanksException e) {
            broker.close();
            throw e;
        }
        return new TaskQueue(broker);
    }

    /** @return the broker */
    public BrokerUrl broker() {
        return broker.url();
    }

    /**
     * Sends one task.
     *
     * @param message the message, made with {@link CeleryMessage#of}
     * @return its task id
     */
    public String send(CeleryMessage message) {
        sendAll(List.of(message));
        return message.id();
    }

    /**
     * Sends tasks in pipelined batches: kombu's {@code LPUSH} onto each message's queue.
     *
     * @param messages the messages
     */
    public void sendAll(List<CeleryMessage> messages) {
        for (int from = 0; from < messages.size(); from += CHUNK) {
            List<CeleryMessage> chunk = messages.subList(from, Math.min(messages.size(), from + CHUNK));
            List<String> encoded = new ArrayList<>(chunk.size());
            for (CeleryMessage message : chunk) {
                encoded.add(message.encode());
            }
            broker.call(redis -> {
                Pipeline pipe = redis.pipelined();
                for (int i = 0; i < chunk.size(); i++) {
                    pipe.lpush(chunk.get(i).queue(), encoded.get(i));
                }
                pipe.sync();
                return null;
            });
        }
    }

    /**
     * Reads a task's stored state.
     *
     * @param id the task id
     * @return its state, or null while none is stored (Celery's PENDING)
     */
    public TaskState state(String id) {
        String json = broker.call(redis -> redis.get(TaskState.key(id)));
        return json == null ? null : TaskState.decode(json);
    }

    /**
     * Waits for one task to be ready (success, failure or revoked).
     *
     * @param id the task id
     * @param timeout how long to wait
     * @return its final state
     * @throws ResultTimeoutException when the timeout passes first
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the broker has been unreachable
     *     for longer than the reconnect window
     */
    public TaskState await(String id, Duration timeout) {
        TaskState[] out = new TaskState[1];
        awaitAll(List.of(id), state -> out[0] = state, timeout);
        return out[0];
    }

    /**
     * Waits for tasks to be ready, handing each final state over as it arrives (from one thread).
     *
     * @param ids the task ids
     * @param onReady called once per task with its final state
     * @param timeout how long to wait for all of them; null waits as long as it takes
     * @throws ResultTimeoutException naming how many are still pending when the timeout passes
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the broker has been unreachable
     *     for longer than the reconnect window
     */
    public void awaitAll(Collection<String> ids, Consumer<TaskState> onReady, Duration timeout) {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(ids);
        if (pending.isEmpty()) {
            return;
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Results results = new Results(pending, onReady);
        Thread listener = new Thread(() -> results.listen(ids), "ranks-results");
        listener.setDaemon(true);
        listener.start();
        try {
            while (!pending.isEmpty()) {
                results.sweep();
                if (pending.isEmpty()) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    List<String> late = ids.stream().filter(pending::contains).toList();
                    throw new ResultTimeoutException(late.size() + " of " + ids.size() + " task(s) still pending after "
                            + timeout.toMillis() / 1000.0 + " s; they may still run (is a worker consuming their"
                            + " queue? 'launcher queues --broker " + broker.url() + "' shows workers and depths)", late);
                }
                results.waitForArrivals(Math.min(SWEEP_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            }
        } finally {
            results.stop();
        }
    }

    /**
     * Where a revoked id was when it was revoked.
     *
     * @param id the task id
     * @param status the task's stored state ({@code SUCCESS}, {@code FAILURE}, {@code REVOKED},
     *     {@code RETRY}...), or null when none is stored
     * @param where where its message is: a queue's name, {@code unacked} (delivered to a worker and
     *     not yet acknowledged), a dead-letter list {@code ranks.dead.<queue>}; null when no
     *     message holds it
     */
    public record Revoked(String id, String status, String where) {
        /** @return whether the task had finished: revoking it changes nothing */
        public boolean finished() {
            return TaskState.SUCCESS.equals(status) || TaskState.FAILURE.equals(status)
                    || TaskState.REVOKED.equals(status);
        }

        /**
         * @return whether nothing on the broker knows the id: a mistyped id, one whose result has
         *     expired, or a task not sent yet (the revoke still holds when it arrives)
         */
        public boolean unknown() {
            return status == null && where == null;
        }
    }

    /**
     * Revokes tasks: workers skip them and store REVOKED. Ranks workers see revokes within about a
     * second; the ids are kept for a day, so that an id not yet sent is revoked when it arrives.
     * Says, per id, what the broker knew of it, so that a mistyped id does not pass for a revoked
     * task.
     *
     * @param ids the task ids
     * @return per id, in order: its stored state and where its message was
     */
    public List<Revoked> revoke(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        double now = Keys.score(Instant.now());
        return broker.call(redis -> {
            List<String> states = redis.mget(list.stream().map(TaskState::key).toArray(String[]::new));
            List<String> keys = new ArrayList<>(List.of(Keys.UNACKED));
            keys.addAll(QueueReport.scan(redis, "*", "list"));
            @SuppressWarnings("unchecked")
            List<String> where = (List<String>) Scripts.run(redis, Scripts.LOCATE, keys, list);
            Pipeline pipe = redis.pipelined();
            for (String id : list) {
                pipe.zadd(Keys.REVOKED, now, id);
            }
            pipe.zremrangeByScore(Keys.REVOKED, Double.NEGATIVE_INFINITY, now - Duration.ofDays(1).toSeconds());
            pipe.sync();
            List<Revoked> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String state = states.get(i);
                String place = where.get(2 * i);
                out.add(new Revoked(list.get(i), state == null ? null : TaskState.decode(state).status(),
                        place.isEmpty() ? null : place));
            }
            return out;
        });
    }

    /**
     * Depths and counts of queues, for {@code launcher queues}.
     *
     * @param queues the queues to describe; empty describes every queue Redis shows signs of
     * @return the report
     */
    public QueueReport report(Collection<String> queues) {
        return broker.call(redis -> QueueReport.read(redis, queues));
    }

    /**
     * The dead letters of a queue, newest first.
     *
     * @param queue the queue
     * @param max how many at most
     * @return each dead letter's JSON: reason, queue, time, worker, id, task, message
     */
    public List<String> deadLetters(String queue, int max) {
        return broker.call(redis -> redis.lrange(Keys.dead(queue), 0, max - 1L));
    }

    /**
     * The most recent tasks the broker holds anything of, for {@code launcher dashboard}: those
     * delivered to workers, then those waiting, then the finished ones (by stored state, newest
     * first). Reads every stored state: meant for a person's refreshing page, not a loop.
     *
     * @param max how many at most
     * @return the tasks
     */
    public List<TaskReport> recentTasks(int max) {
        return broker.call(redis -> TaskReport.recent(redis, max));
    }

    /**
     * One task: its message, wherever it is, and its stored state.
     *
     * @param id the task id
     * @return the task, or null when the broker knows nothing of it
     */
    public TaskReport task(String id) {
        return broker.call(redis -> TaskReport.find(redis, id));
    }

    /**
     * Sends a dead letter's message back to its queue, as a person does once the reason is
     * fixed (the task deployed, the message mended elsewhere): the letter leaves the dead-letter
     * list and its message goes to the consuming end of the queue, in one step.
     *
     * @param queue the queue whose dead letter it is
     * @param letter the dead letter's JSON exactly as {@link #deadLetters} returned it
     * @return whether it was there to requeue (false: another person requeued or deleted it)
     * @throws RanksException ({@link ErrorClass#ARG}) when the letter holds no message
     */
    public boolean requeueDeadLetter(String queue, String letter) {
        Object message = Json.readObject(letter).get("message");
        if (!(message instanceof String raw)) {
            throw new RanksException(ErrorClass.ARG, "dead letter " + letter + " has no message to requeue");
        }
        Object moved = broker.call(redis -> Scripts.run(redis, Scripts.REQUEUE, List.of(Keys.dead(queue),
                Keys.lists(queue).get(0)), List.of(letter, raw)));
        return Long.valueOf(1).equals(moved);
    }

    /**
     * Deletes a dead letter.
     *
     * @param queue the queue whose dead letter it is
     * @param letter the dead letter's JSON exactly as {@link #deadLetters} returned it
     * @return whether it was there to delete
     */
    public boolean deleteDeadLetter(String queue, String letter) {
        return broker.call(redis -> redis.lrem(Keys.dead(queue), 1, letter)) == 1;
    }

    @Override
    public void close() {
        broker.close();
    }

    /** The arrivals of one wait: pub/sub messages and sweeps of the stored states. */
    private final class Results {
        private final Set<String> pending;
        private final Consumer<TaskState> onReady;
        private final Map<String, String> arrived = new LinkedHashMap<>();
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private volatile JedisPubSub subscription;
        private volatile boolean stopping;
        private boolean sweepNow;
        private long lastSweep;

        Results(Set<String> pending, Consumer<TaskState> onReady) {
            this.pending = pending;
            this.onReady = onReady;
        }

        void listen(Collection<String> ids) {
            List<String> channels = new ArrayList<>();
            for (String id : ids) {
                channels.add(TaskState.key(id));
            }
            while (!stopping && !pending.isEmpty()) {
                JedisPubSub pubsub = new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        synchronized (arrived) {
                            arrived.put(channel, message);
                            arrived.notifyAll();
                        }
                    }

                    @Override
                    public void onSubscribe(String channel, int count) {
                        subscribed.countDown();
                        if (count == channels.size()) {
                            // results published before the subscription took hold are only in the store
                            synchronized (arrived) {
                                sweepNow = true;
                                arrived.notifyAll();
                            }
                        }
                    }
                };
                subscription = pubsub;
                try (Jedis redis = broker.subscriber()) {
                    redis.subscribe(pubsub, channels.toArray(String[]::new));
                } catch (RuntimeException e) {
                    // the sweep keeps reading the stored states while the subscription is down
                    sleep(500);
                }
            }
        }

        void sweep() {
            drain();
            long now = System.nanoTime();
            boolean forced;
            synchronized (arrived) {
                forced = sweepNow;
                sweepNow = false;
            }
            if (!forced && now - lastSweep < TimeUnit.MILLISECONDS.toNanos(SWEEP_MS) && lastSweep != 0) {
                return;
            }
            lastSweep = now;
            List<String> ids = new ArrayList<>(pending);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                String[] keys = chunk.stream().map(TaskState::key).toArray(String[]::new);
                List<String> values = broker.call(redis -> redis.mget(keys));
                for (String value : values) {
                    if (value != null) {
                        deliver(value);
                    }
                }
            }
        }

        void waitForArrivals(long millis) {
            synchronized (arrived) {
                if (arrived.isEmpty() && !sweepNow) {
                    try {
                        arrived.wait(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while waiting for results", e);
                    }
                }
            }
            drain();
        }

        private void drain() {
            List<String> values;
            synchronized (arrived) {
                values = new ArrayList<>(arrived.values());
                arrived.clear();
            }
            for (String value : values) {
                deliver(value);
            }
        }

        private void deliver(String value) {
            TaskState state = TaskState.decode(value);
            if (state.ready() && pending.remove(state.id())) {
                onReady.accept(state);
            }
        }

        void stop() {
            stopping = true;
            JedisPubSub pubsub = subscription;
            try {
                subscribed.await(2, TimeUnit.SECONDS);
                if (pubsub != null && pubsub.isSubscribed()) {
                    pubsub.unsubscribe();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the connection is gone already: nothing to unsubscribe from
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
