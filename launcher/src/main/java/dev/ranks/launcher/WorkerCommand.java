package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.FifoWorker;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.RedisWorker;
import dev.ranks.pipeline.redis.Routes;
import dev.ranks.pipeline.redis.WorkerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launcher worker}: serves pipeline tasks for clients started separately, until stopped:
 * the named pipes of a directory ({@code --fifo DIR}), or the queues of a Redis broker, as a
 * Celery worker does ({@code -Q fibo_queue --broker redis://…}).
 */
@Command(name = "worker", description = {
    "Serves pipeline tasks (fib, sqrt, crawl_page, the books' Celery tasks tasks.hello_world, tasks.fibo_task (the"
        + " pair [n, message naming the task id]; fib is the bare number), tasks.crawl_task, tasks.sqrt_task,"
        + " tasks.square, addTask.add, ...) to clients started separately, until stopped (Ctrl-C, SIGTERM).",
    "Redis (default): consumes the queues of a broker like 'celery worker -Q ...': messages in Celery's protocol, results"
        + " in Celery's result backend, so Celery clients can call it; at-least-once delivery, acknowledged after the"
        + " task; retries with backoff; dead letters. SIGTERM finishes running tasks (--shutdown-grace) and hands the"
        + " rest back; with the broker down it exits after --shutdown-grace plus --reconnect-window at most, saying"
        + " what it could not hand back (that comes back after the visibility timeout).",
    "--fifo DIR: serves the named pipes in DIR (made when missing) to 'launcher fib ... --engine fifo --fifo-dir DIR'.",
    "--class-path PATH: your own tasks join the built-in ones; Celery clients call them by their aliases"
        + " (tasks.my_task).",
    "See docs/pipeline.md and docs/celery.md."})
final class WorkerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--fifo", paramLabel = "DIR", description = "Serves the named pipes in this directory instead of a broker.")
    private Path fifo;

    @Option(names = {"-Q", "--queues"}, paramLabel = "QUEUES", split = ",",
            description = "The queues to consume, comma-separated, in the order they are served. Default: fibo_queue,"
                    + " sqrt_queue, webcrawler_queue, celery.")
    private List<String> queues;

    @Option(names = {"-b", "--broker"}, paramLabel = "URL",
            description = "The Redis broker: redis://[[user]:password@]host[:port][/db] or rediss://...?ssl_ca_certs=FILE."
                    + " Default: $RANKS_BROKER, else " + BrokerUrl.LOCAL + ".")
    private String broker;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
            description = "How many tasks run at once. Default: the processor count.")
    private Integer concurrency;

    @Option(names = "--prefetch", paramLabel = "K", defaultValue = "4",
            description = "Messages held per thread (Celery's worker_prefetch_multiplier). Default: 4.")
    private int prefetch;

    @Option(names = "--visibility-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a message may stay unacknowledged before it goes back to its queue (a worker died)."
                    + " Default: 1h, as Celery.")
    private Duration visibilityTimeout;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of a failing task before it fails for good. Default: 3.")
    private int maxRetries;

    @Option(names = "--retry-backoff", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The first retry's delay; each further retry doubles it, with jitter. Default: 1s.")
    private Duration retryBackoff;

    @Option(names = "--result-expires", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long results are kept. Default: 24h, as Celery.")
    private Duration resultExpires;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On SIGTERM, how long running tasks may finish before they are handed back. Default: 30s.")
    private Duration shutdownGrace;

    @Option(names = "--reconnect-window", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On SIGTERM with the broker down, how long to keep reconnecting to hand messages back and store"
                    + " results before exiting anyway (what is left comes back after the visibility timeout). Default: 10s."
                    + " While running, the worker reconnects as long as it takes.")
    private Duration reconnectWindow;

    @Mixin
    private TaskPathOption tasks;

    @Override
    public Integer call() throws InterruptedException {
        TaskRegistry registry = tasks.registry();
        int threads = concurrency != null ? concurrency : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new RanksException(ErrorClass.USAGE, "--concurrency " + threads + " is invalid: expected at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (fifo != null) {
            if (queues != null || broker != null) {
                throw new RanksException(ErrorClass.USAGE, "--fifo serves named pipes; -Q and --broker are for a Redis"
                        + " broker: expected one or the other");
            }
            FifoWorker worker = FifoWorker.serve(fifo, registry, threads, System.err);
            Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "ranks-worker-stop"));
            err.println("worker " + worker.id() + " serves " + fifo.toAbsolutePath() + " with " + threads
                    + " threads; stop with Ctrl-C");
            err.flush();
            worker.await();
            return 0;
        }
        return serveRedis(registry, threads, err);
    }

    private int serveRedis(TaskRegistry registry, int threads, PrintWriter err) throws InterruptedException {
        List<String> names = new ArrayList<>(queues == null ? Routes.allQueues() : queues);
        names.replaceAll(String::strip);
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new RanksException(ErrorClass.USAGE, "-Q " + String.join(",", names)
                    + " is invalid: expected queue names separated by commas, such as fibo_queue,sqrt_queue");
        }
        if (prefetch < 1 || maxRetries < 0) {
            throw new RanksException(ErrorClass.USAGE, (prefetch < 1 ? "--prefetch " + prefetch : "--max-retries "
                    + maxRetries) + " is invalid: expected " + (prefetch < 1 ? "at least 1" : "0 or more"));
        }
        BrokerUrl url = BrokerUrl.parse(EngineOptions.brokerUrl(broker));
        WorkerOptions options = WorkerOptions.defaults(names, threads).withPrefetch(prefetch)
                .withRetries(maxRetries, retryBackoff != null ? retryBackoff : Duration.ofSeconds(1));
        if (visibilityTimeout != null) {
            options = options.withVisibilityTimeout(visibilityTimeout);
        }
        if (resultExpires != null) {
            options = options.withResultExpires(resultExpires);
        }
        if (shutdownGrace != null) {
            options = options.withShutdownGrace(shutdownGrace);
        }
        if (reconnectWindow != null) {
            options = options.withReconnectWindow(reconnectWindow);
        }
        RedisWorker worker = RedisWorker.start(url, options, registry, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "ranks-worker-stop"));
        List<String> tasks = new ArrayList<>(registry.names());
        tasks.addAll(registry.aliases().keySet());
        err.println("worker " + worker.id() + " consumes " + String.join(", ", names) + " on " + url + " with "
                + threads + " threads; tasks: " + String.join(", ", Arrays.asList(tasks.toArray(String[]::new)))
                + "; stop with Ctrl-C");
        err.flush();
        worker.await();
        return 0;
    }
}
