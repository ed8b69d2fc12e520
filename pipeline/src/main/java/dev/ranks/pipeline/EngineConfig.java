package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.PrintStream;
import java.nio.file.Path;
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
 * @param queue a task queue's queue name; Celery's default is {@code celery}
 * @param jvmOptions extra options for the process engine's worker JVMs, such as {@code -Xmx256m}
 * @param registry the tasks that in-process workers run
 * @param diagnostics where engines report worker deaths and other trouble; usually {@code System.err}
 */
public record EngineConfig(int workers, int queueCapacity, Path fifoDir, String brokerUrl, String queue,
        List<String> jvmOptions, TaskRegistry registry, PrintStream diagnostics) {
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
     *     broker, the queue {@value #DEFAULT_QUEUE}, the tasks of {@link TaskRegistry#load()}, and
     *     diagnostics on {@code System.err}
     */
    public static EngineConfig defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new EngineConfig(processors, 4 * processors, null, null, DEFAULT_QUEUE, List.of(),
                TaskRegistry.load(), System.err);
    }

    /**
     * @param n the worker count
     * @return these settings with {@code n} workers and a queue of 4 calls per worker
     */
    public EngineConfig withWorkers(int n) {
        return new EngineConfig(n, Math.max(1, 4 * n), fifoDir, brokerUrl, queue, jvmOptions, registry, diagnostics);
    }

    /**
     * @param capacity the threads engine's queue bound
     * @return these settings with that bound
     */
    public EngineConfig withQueueCapacity(int capacity) {
        return new EngineConfig(workers, capacity, fifoDir, brokerUrl, queue, jvmOptions, registry, diagnostics);
    }

    /**
     * @param dir the FIFO directory
     * @return these settings with that directory
     */
    public EngineConfig withFifoDir(Path dir) {
        return new EngineConfig(workers, queueCapacity, dir, brokerUrl, queue, jvmOptions, registry, diagnostics);
    }

    /**
     * @param url the broker URL
     * @param queueName the queue name
     * @return these settings with that broker and queue
     */
    public EngineConfig withBroker(String url, String queueName) {
        return new EngineConfig(workers, queueCapacity, fifoDir, url, queueName, jvmOptions, registry, diagnostics);
    }

    /**
     * @param options the worker JVM options
     * @return these settings with those options
     */
    public EngineConfig withJvmOptions(List<String> options) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, options, registry, diagnostics);
    }

    /**
     * @param tasks the tasks in-process workers run
     * @return these settings with that registry
     */
    public EngineConfig withRegistry(TaskRegistry tasks) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, jvmOptions, tasks, diagnostics);
    }

    /**
     * @param out where trouble is reported
     * @return these settings reporting there
     */
    public EngineConfig withDiagnostics(PrintStream out) {
        return new EngineConfig(workers, queueCapacity, fifoDir, brokerUrl, queue, jvmOptions, registry, out);
    }
}
