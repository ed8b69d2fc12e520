package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings for {@link Engines#open}; each engine reads those that concern it. Start from
 * {@link #defaults()} and change settings with the {@code with...} methods.
 *
 * @param workers how many workers run calls at once: threads, worker processes, FIFO worker
 *     threads, or worker ranks
 * @param queueCapacity the bound of the threads engine's queue between submission and workers
 * @param fifoDir the FIFO engine's directory of named pipes, or null
 * @param brokerUrl a task queue's broker, such as {@code redis://localhost:6379/0}, or null
 * @param queue a task queue's queue for every call, or null to route each task to its own queue
 *     ({@code fib} to {@code fibo_queue}, {@code sqrt} to {@code sqrt_queue}, {@code crawl_page} to
 *     {@code webcrawler_queue}, the rest to Celery's default {@code celery})
 * @param jvmOptions extra options for the process engine's worker JVMs, such as {@code -Xmx256m}
 * @param registry the tasks that in-process workers run
 * @param diagnostics where engines report worker deaths and other trouble; usually {@code System.err}
 * @param localWorkers whether a task-queue engine also runs {@code workers} worker threads in this
 *     process, besides the workers started separately; set by {@link #withWorkers}
 * @param reconnectWindow how long a task-queue engine keeps reconnecting to a broker that went
 *     away before the calls still waiting fail, or null for the engine's default (60 s for Redis)
 */
public record EngineConfig(int workers, int queueCapacity, Path fifoDir, String brokerUrl, String queue,
        List<String> jvmOptions, TaskRegistry registry, PrintStream diagnostics, boolean localWorkers,
        Duration reconnectWindow) {
    /** Celery's default queue name. */
    public static final String DEFAULT_QUEUE = "celery";

    /**
     * Checks the settings.
     *
     * @param workers at least 1
     * @param queueCapacity at least 1
     * @param fifoDir the FIFO directory or null
     * @param brokerUrl the broker or null
     * @param queue the queue name
     * @param jvmOptions worker JVM options
     * @param registry the tasks
     * @param diagnostics where trouble is reported
     * @param localWorkers whether a task-queue engine runs workers in this process
     * @param reconnectWindow how long a task-queue engine reconnects, or null for its default
     * @throws RanksException ({@link ErrorClass#ARG}) when a count is below 1
     */
    public EngineConfig {
        if (workers < 1 || queueCapacity < 1) {
            throw new RanksException(ErrorClass.ARG, "engine workers " + workers + " and queue capacity "
                    + queueCapacity + " are invalid: expected at least 1 each");
        }
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * @return as many workers as processors, a queue of 4 calls per worker, no FIFO directory or
     *     broker, tasks routed to their own queues, the tasks of {@link TaskRegistry#load()},
     *     diagnostics on {@code System.err}, and no local workers for a task-queue engine
     */
    public static EngineConfig defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new EngineConfig(processors, 4 * processors, null, null, null, List.of(),
                TaskRegistry.load(), System.err, false, null);
    }

    /**
     * @param n the worker count
     * @return these settings with {@code n} workers and a queue of 4 calls per worker; a
     *     task-queue engine runs that many worker threads in this process
     */
    public EngineConfig withWorkers(int n) {
        return new EngineConfig(n, Math.max(1, 4 * n), fifoDir, brokerUrl, queue, jvmOptions, registry, diagnostics,
                true, reconnectWindow);
    }

    /**
     * @param capacity the threads engine's queue bound
     * @return these settings with that bound
     */
    public EngineConfig withQueueCapacity(int capacity) {
        return new EngineConfig(workers, capacity, fifoDir, brokerUrl, queue, jvmOptions, registry, diagnostics,
                localWorkers, reconnectWindow);
    }

    /**
     * @param dir the FIFO directory
     * @return these settings with that directory
     */
    public EngineConfig withFifoDir(Path dir) {
        return new EngineConfig(workers, queueCapacity, dir, brokerUrl, queue, jvmOptions, registry, diagnostics,
                localWorkers, reconnectWindow);
    }

    /**
     * @param url the broker URL
     * @param queueName the queue for every call, or null to route each task to its own queue
     * @return these settings with that broker and queue
     */
    public EngineConfig withBroker(String url, String queueName) {
        return new EngineConfig(workers, queueCapacity, fifoDir, url, queueName, jvmOptions, registry, diagnostics,
                localWorkers, reconnectWindow);
    }

    /**
     * @param options the worker JVM options
     * @return these settings with those options
     */
    public EngineConfig withJvmOptions(List<String> options) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, options, registry, diagnostics,
                localWorkers, reconnectWindow);
    }

    /**
     * @param tasks the tasks in-process workers run
     * @return these settings with that registry
     */
    public EngineConfig withRegistry(TaskRegistry tasks) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, jvmOptions, tasks, diagnostics,
                localWorkers, reconnectWindow);
    }

    /**
     * @param window how long a task-queue engine keeps reconnecting to a broker that went away
     * @return these settings with that window
     */
    public EngineConfig withReconnectWindow(Duration window) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, jvmOptions, registry, diagnostics,
                localWorkers, window);
    }

    /**
     * @param out where trouble is reported
     * @return these settings reporting there
     */
    public EngineConfig withDiagnostics(PrintStream out) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, jvmOptions, registry, out,
                localWorkers, reconnectWindow);
    }
}
