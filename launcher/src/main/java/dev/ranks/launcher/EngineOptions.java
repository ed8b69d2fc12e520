package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.Order;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.BrokerUrl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of commands that run tasks on a pipeline engine: a picocli mixin. See docs/pipeline.md. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Runs the inputs as tasks on a pipeline engine: threads, processes, fifo, redis (a Celery-compatible"
                    + " task queue; workers are 'launcher worker' processes) or ranks (rank 0 schedules over the job's -n"
                    + " ranks). See docs/pipeline.md.")
    String engine;

    @Option(names = "--workers", paramLabel = "N",
            description = "The engine's worker threads or processes. Default: the processor count. With --engine redis:"
                    + " also run N worker threads in this process (default: none; separately started workers only).")
    Integer workers;

    @Option(names = "--fifo-dir", paramLabel = "DIR",
            description = "The directory of named pipes a 'launcher worker --fifo DIR' serves (--engine fifo).")
    Path fifoDir;

    @Option(names = "--broker", paramLabel = "URL",
            description = "The Redis broker of --engine redis: redis://[[user]:password@]host[:port][/db] or rediss://."
                    + " Default: $RANKS_BROKER, else " + BrokerUrl.LOCAL + " ('launcher redis-up' starts one).")
    String broker;

    @Option(names = "--queue", paramLabel = "QUEUE",
            description = "The queue of --engine redis for every call. Default: each task's own queue (fib to"
                    + " fibo_queue, sqrt to sqrt_queue, crawl_page to webcrawler_queue).")
    String queue;

    @Option(names = "--reconnect-window", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --engine redis: how long to keep reconnecting to a broker that went away before the"
                    + " calls still waiting fail. Default: 60s.")
    Duration reconnectWindow;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "submission",
            description = "submission (the inputs' order) or completion (as results arrive). Default: submission.")
    String order;

    @Mixin
    TaskPathOption tasks;

    /** @return whether an engine was asked for */
    boolean given() {
        return engine != null;
    }

    /**
     * Checks the options that depend on each other and, with an engine, loads the tasks, so that a
     * bad {@code --class-path} stops the command before any worker starts.
     *
     * @param defaultEngine the engine when none is given, or null when the command then runs no engine
     * @throws RanksException ({@link ErrorClass#USAGE}) naming the option that does not apply,
     *     ({@link ErrorClass#ARG}) naming a bad {@code --class-path} entry or provider
     */
    void check(String defaultEngine) {
        if (engine == null && defaultEngine != null) {
            engine = defaultEngine;
        }
        String engineOnly = workers != null ? "--workers" : fifoDir != null ? "--fifo-dir"
                : broker != null ? "--broker" : queue != null ? "--queue"
                : reconnectWindow != null ? "--reconnect-window" : !order.equals("submission") ? "--order" : tasks.given() ? "--class-path" : null;
        if (engine == null && engineOnly != null) {
            throw new RanksException(ErrorClass.USAGE, engineOnly + " is given without --engine: expected --engine"
                    + " threads|processes|fifo|redis|ranks");
        }
        if ("ranks".equals(engine) && workers != null) {
            throw new RanksException(ErrorClass.USAGE, "--workers does not apply to --engine ranks: expected -n N"
                    + " (rank 0 schedules, the other ranks work)");
        }
        if (fifoDir != null && !"fifo".equals(engine)) {
            throw new RanksException(ErrorClass.USAGE, "--fifo-dir applies to --engine fifo only, not to --engine "
                    + engine);
        }
        if ((broker != null || queue != null || reconnectWindow != null) && !"redis".equals(engine)) {
            throw new RanksException(ErrorClass.USAGE, (broker != null ? "--broker" : queue != null ? "--queue"
                    : "--reconnect-window")
                    + " applies to --engine redis only, not to --engine " + engine);
        }
        if (broker != null) {
            BrokerUrl.parse(broker);
        }
        if (workers != null && workers < 1) {
            throw new RanksException(ErrorClass.USAGE, "--workers " + workers + " is invalid: expected at least 1");
        }
        order();
        if (engine != null) {
            tasks.registry();
        }
    }

    /** @return the built-in tasks and those of {@code --class-path} */
    TaskRegistry registry() {
        return tasks.registry();
    }

    /**
     * @return the order as an enum
     * @throws RanksException ({@link ErrorClass#USAGE}) naming the accepted orders
     */
    Order order() {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "submission" -> Order.SUBMISSION;
            case "completion" -> Order.COMPLETION;
            default -> throw new RanksException(ErrorClass.USAGE, "--order " + order
                    + " is invalid: expected submission or completion");
        };
    }

    /**
     * @param diagnostics where the engine reports worker deaths
     * @return the engine's settings, with the tasks of {@link #registry()}
     */
    EngineConfig config(PrintStream diagnostics) {
        EngineConfig config = EngineConfig.defaults().withDiagnostics(diagnostics).withRegistry(registry());
        if (workers != null) {
            config = config.withWorkers(workers);
        }
        if ("redis".equals(engine)) {
            config = config.withBroker(brokerUrl(broker), queue);
            if (reconnectWindow != null) {
                config = config.withReconnectWindow(reconnectWindow);
            }
        }
        return fifoDir != null ? config.withFifoDir(fifoDir) : config;
    }

    /**
     * @param given the --broker option, or null
     * @return it, else $RANKS_BROKER, else the local broker of 'launcher redis-up'
     */
    static String brokerUrl(String given) {
        if (given != null) {
            return given;
        }
        String env = System.getenv("RANKS_BROKER");
        return env != null && !env.isBlank() ? env : BrokerUrl.LOCAL;
    }
}
