package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.Engines;
import dev.ranks.pipeline.FifoWorker;
import dev.ranks.pipeline.Summary;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.CeleryWorker;
import dev.ranks.pipeline.redis.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pipeline benchmark: one batch of identical calls (by default {@code fib(20)}, about a
 * microsecond each, so the figure is the engine's overhead per call) through each engine at each
 * worker count. Every engine first runs a warm-up batch, so that starting worker JVMs and the JIT
 * are not measured. The {@code fifo} engine is measured against a {@link FifoWorker} in this JVM:
 * the calls still cross the named pipes both ways.
 */
public final class QueueBench {
    /** The default batch size. */
    public static final int DEFAULT_TASKS = 20_000;

    /** The name of the rows measured with a Celery worker. */
    public static final String CELERY = "celery";

    /**
     * One measurement.
     *
     * @param engine the engine's name
     * @param workers its worker count
     * @param summary the measured batch's summary
     */
    public record Row(String engine, int workers, Summary summary) {
    }

    private QueueBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param engines the engine names, each opened by {@link Engines#open}
     * @param workerCounts the worker counts to try with each engine
     * @param tasks the measured batch's size
     * @param call the call the batch repeats
     * @return one row per engine and worker count, in that order
     * @throws RanksException ({@link ErrorClass#ARG}) when a count is below 1 or an engine is unknown;
     *     ({@link ErrorClass#ABORTED}) when a call fails
     */
    public static List<Row> run(List<String> engines, List<Integer> workerCounts, int tasks, Call call) {
        return run(engines, workerCounts, tasks, call, null);
    }

    /**
     * Runs the benchmark, with the task-queue rows too: {@code redis} (Ranks worker threads in this
     * JVM consuming a Redis queue; the client waits on Celery's result backend) and {@code celery}
     * (a real Celery worker, prefork pool of as many processes as the row's workers, running the
     * Python {@code tasks.fibo_task}; the same Java client sends and waits). Both use one broker.
     *
     * @param engines the engine names: those {@link Engines#open} knows, and {@code celery}
     * @param workerCounts the worker counts to try with each engine
     * @param tasks the measured batch's size
     * @param call the call the batch repeats; the {@code celery} rows send its arguments to
     *     {@code tasks.fibo_task}
     * @param broker the broker of the task-queue rows, or null to start a private redis-server for them
     * @return one row per engine and worker count, in that order
     * @throws RanksException ({@link ErrorClass#ARG}) when a count is below 1 or an engine is unknown;
     *     ({@link ErrorClass#ABORTED}) when a call fails; ({@link ErrorClass#UNAVAILABLE}) when
     *     redis-server or Celery is missing
     */
    public static List<Row> run(List<String> engines, List<Integer> workerCounts, int tasks, Call call, String broker) {
        if (tasks < 1 || workerCounts.stream().anyMatch(w -> w < 1)) {
            throw new RanksException(ErrorClass.ARG, "bench queue tasks " + tasks + " and workers " + workerCounts
                    + " are invalid: expected at least 1 each");
        }
        RedisServer server = null;
        String url = broker;
        if (url == null && (engines.contains("redis") || engines.contains(CELERY))) {
            String missing = RedisServer.unavailableReason();
            if (missing != null) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "bench queue's redis and celery rows need"
                        + " redis-server: " + missing);
            }
            server = RedisServer.builder().appendOnly(false).start();
            url = server.url();
        }
        try {
            List<Row> rows = new ArrayList<>();
            for (String name : engines) {
                for (int workers : workerCounts) {
                    rows.add(new Row(name, workers, measure(name, workers, tasks, call, url)));
                }
            }
            return rows;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static Summary measure(String name, int workers, int tasks, Call call, String broker) {
        Path dir = null;
        FifoWorker worker = null;
        CeleryWorker celery = null;
        EngineConfig config = EngineConfig.defaults().withWorkers(workers);
        String engineName = name;
        Call measured = call;
        try {
            if (name.equals("redis")) {
                config = config.withBroker(broker, "ranks_bench_" + workers);
            } else if (name.equals(CELERY)) {
                String queue = "celery_bench_" + workers;
                // at INFO Celery logs two lines per task, a third of its throughput: measure it at its best
                celery = CeleryWorker.start(broker, List.of(queue), workers, "warning");
                config = EngineConfig.defaults().withBroker(broker, queue);
                engineName = "redis";
                measured = new Call("tasks.fibo_task", call.args(), call.kwargs());
            } else if (name.equals("fifo")) {
                dir = Files.createTempDirectory("ranks-bench-fifo");
                worker = FifoWorker.serve(dir, TaskRegistry.load(), workers, System.err);
                config = config.withFifoDir(dir);
            }
            try (Engine engine = Engines.open(engineName, config)) {
                check(engine.submit(Collections.nCopies(Math.min(tasks, 2_000), measured)));
                Batch batch = engine.submit(Collections.nCopies(tasks, measured));
                check(batch);
                return batch.summary();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (celery != null) {
                celery.close();
            }
            if (worker != null) {
                worker.close();
            }
            if (dir != null) {
                deleteAll(dir);
            }
        }
    }

    private static void check(Batch batch) {
        batch.await().stream().filter(o -> !o.ok()).findFirst().ifPresent(o -> {
            throw new RanksException(ErrorClass.ABORTED, "bench call " + o.call() + " failed on " + o.worker() + ": "
                    + o.error());
        });
    }

    private static void deleteAll(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
