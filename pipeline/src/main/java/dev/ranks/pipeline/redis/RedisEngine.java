package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.EngineProvider;
import dev.ranks.pipeline.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code redis} engine: each call becomes a Celery message on its queue (see {@link Routes}),
 * and outcomes come from Celery's result backend. The calls are run by whichever workers consume
 * those queues: {@code launcher worker} processes on any host, Celery workers, and, when
 * {@link EngineConfig#localWorkers()} is set ({@code --workers N}), N worker threads in this
 * process. Without any worker, a batch waits until one starts. A broker that goes away is
 * reconnected to for {@link EngineConfig#reconnectWindow()}; after that the calls still waiting
 * fail, naming the broker (they may still run later: their messages are on the broker).
 */
public final class RedisEngine implements Engine {
    private static final long WORKER_HINT_MS = 5_000;
    private final EngineConfig config;
    private final TaskQueue queue;
    private final RedisWorker worker;
    private final Set<Batch> open = new LinkedHashSet<>();
    private volatile boolean closed;

    private RedisEngine(EngineConfig config, TaskQueue queue, RedisWorker worker) {
        this.config = config;
        this.queue = queue;
        this.worker = worker;
    }

    /**
     * Connects to the broker and, when asked, starts local workers on the queues the routing uses
     * (or on the one queue named).
     *
     * @param config the settings: broker, queue, local workers
     * @return the engine
     * @throws RanksException ({@link ErrorClass#ARG}) for a bad broker URL,
     *     ({@link ErrorClass#UNAVAILABLE}) when the broker cannot be used
     */
    public static RedisEngine open(EngineConfig config) {
        BrokerUrl url = BrokerUrl.parse(config.brokerUrl() == null ? BrokerUrl.LOCAL : config.brokerUrl());
        TaskQueue client = TaskQueue.connect(url, config.diagnostics(),
                config.reconnectWindow() != null ? config.reconnectWindow() : TaskQueue.RECONNECT_WINDOW);
        RedisWorker worker = null;
        if (config.localWorkers()) {
            List<String> queues = config.queue() == null ? Routes.allQueues() : List.of(config.queue());
            try {
                worker = RedisWorker.start(url, WorkerOptions.defaults(queues, config.workers()), config.registry(),
                        config.diagnostics());
            } catch (RanksException e) {
                client.close();
                throw e;
            }
        }
        return new RedisEngine(config, client, worker);
    }

    @Override
    public String name() {
        return "redis";
    }

    /** @return the local worker threads; 0 when only workers started separately run the calls */
    @Override
    public int workers() {
        return worker == null ? 0 : config.workers();
    }

    @Override
    public Batch submit(List<Call> calls) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "the redis engine is closed");
        }
        Batch batch = new Batch(name(), workers(), calls);
        List<CeleryMessage> messages = new ArrayList<>(calls.size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            String target = config.queue() != null ? config.queue() : Routes.queueFor(call.task(), config.registry());
            CeleryMessage message = CeleryMessage.of(call, target);
            messages.add(message);
            index.put(message.id(), i);
        }
        queue.sendAll(messages);
        if (worker == null) {
            warnWithoutWorkers(batch, messages);
        }
        String where = worker == null ? "redis" : "redis " + worker.id();
        Thread waiter = new Thread(() -> {
            try {
                queue.awaitAll(index.keySet(), state -> {
                    int i = index.get(state.id());
                    String by = state.worker() != null ? state.worker() : where;
                    double millis = Math.max(0, state.runtimeMillis());
                    batch.complete(TaskState.SUCCESS.equals(state.status())
                            ? Outcome.success(i, calls.get(i), state.result(), by, millis, 1)
                            : Outcome.failure(i, calls.get(i), state.error(), by, millis, 1));
                }, null);
            } catch (RanksException e) {
                batch.failRemaining(e.getMessage() + "; the calls' messages stay on the broker and may still run", where);
            } catch (RuntimeException e) {
                // Whatever else ends the wait must end the batch too: a batch nobody completes hangs its caller.
                batch.failRemaining("waiting for the results failed: " + e + "; the calls' messages stay on the broker"
                        + " and may still run", where);
            } finally {
                synchronized (this) {
                    open.remove(batch);
                }
            }
        }, "ranks-redis-results");
        waiter.setDaemon(true);
        synchronized (this) {
            open.add(batch);
        }
        waiter.start();
        return batch;
    }

    /**
     * When nothing has come back after a few seconds and no live Ranks worker consumes the
     * batch's queues, says so once: the batch waits for a worker, as a Celery client does, and
     * a silent wait looks like a hang. Celery workers keep no record in Redis, so they cannot be
     * seen; the message says that too.
     */
    private void warnWithoutWorkers(Batch batch, List<CeleryMessage> messages) {
        Set<String> queues = new LinkedHashSet<>();
        messages.forEach(m -> queues.add(m.queue()));
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(WORKER_HINT_MS);
                if (closed || batch.completed() > 0) {
                    return;
                }
                QueueReport report = queue.report(queues);
                List<String> idle = new ArrayList<>();
                for (QueueReport.Row row : report.queues()) {
                    if (row.workers() == 0) {
                        idle.add(row.name());
                    }
                }
                if (!idle.isEmpty() && batch.completed() == 0) {
                    config.diagnostics().println("redis: no result yet and no Ranks worker consumes "
                            + String.join(", ", idle) + " on " + queue.broker() + "; start one with 'launcher worker -Q "
                            + String.join(",", idle) + " --broker " + queue.broker() + "' (Celery workers cannot be"
                            + " seen from Redis); waiting");
                    config.diagnostics().flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RanksException e) {
                // the hint is a courtesy: a broker that is down is reported by the wait itself
            }
        }, "ranks-redis-hint");
        watch.setDaemon(true);
        watch.start();
    }

    @Override
    public void close() {
        closed = true;
        List<Batch> pending;
        synchronized (this) {
            pending = new ArrayList<>(open);
        }
        for (Batch batch : pending) {
            batch.failRemaining("the redis engine was closed before the result arrived; the task may still run", "redis");
        }
        if (worker != null) {
            worker.close();
        }
        queue.close();
    }

    /** The {@link EngineProvider} of {@code redis}. */
    public static final class Provider implements EngineProvider {
        /** Creates the provider; the service loader calls this. */
        public Provider() {
        }

        @Override
        public String name() {
            return "redis";
        }

        @Override
        public Engine open(EngineConfig config) {
            return RedisEngine.open(config);
        }
    }
}
