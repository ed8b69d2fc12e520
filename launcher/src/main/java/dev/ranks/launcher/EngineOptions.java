package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.Order;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options of commands that run tasks on a pipeline engine: a picocli mixin. See docs/pipeline.md. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Runs the inputs as tasks on a pipeline engine: threads, processes, fifo or ranks (rank 0"
                    + " schedules over the job's -n ranks). See docs/pipeline.md.")
    String engine;

    @Option(names = "--workers", paramLabel = "N",
            description = "The engine's worker threads or processes. Default: the processor count.")
    Integer workers;

    @Option(names = "--fifo-dir", paramLabel = "DIR",
            description = "The directory of named pipes a 'launcher worker --fifo DIR' serves (--engine fifo).")
    Path fifoDir;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "submission",
            description = "submission (the inputs' order) or completion (as results arrive). Default: submission.")
    String order;

    /** @return whether an engine was asked for */
    boolean given() {
        return engine != null;
    }

    /**
     * Checks the options that depend on each other.
     *
     * @param defaultEngine the engine when none is given, or null when the command then runs no engine
     * @throws RanksException ({@link ErrorClass#USAGE}) naming the option that does not apply
     */
    void check(String defaultEngine) {
        if (engine == null && defaultEngine != null) {
            engine = defaultEngine;
        }
        String engineOnly = workers != null ? "--workers" : fifoDir != null ? "--fifo-dir"
                : !order.equals("submission") ? "--order" : null;
        if (engine == null && engineOnly != null) {
            throw new RanksException(ErrorClass.USAGE, engineOnly + " is given without --engine: expected --engine"
                    + " threads|processes|fifo|ranks");
        }
        if ("ranks".equals(engine) && workers != null) {
            throw new RanksException(ErrorClass.USAGE, "--workers does not apply to --engine ranks: expected -n N"
                    + " (rank 0 schedules, the other ranks work)");
        }
        if (fifoDir != null && !"fifo".equals(engine)) {
            throw new RanksException(ErrorClass.USAGE, "--fifo-dir applies to --engine fifo only, not to --engine "
                    + engine);
        }
        if (workers != null && workers < 1) {
            throw new RanksException(ErrorClass.USAGE, "--workers " + workers + " is invalid: expected at least 1");
        }
        order();
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
     * @return the engine's settings
     */
    EngineConfig config(PrintStream diagnostics) {
        EngineConfig config = EngineConfig.defaults().withDiagnostics(diagnostics);
        if (workers != null) {
            config = config.withWorkers(workers);
        }
        return fifoDir != null ? config.withFifoDir(fifoDir) : config;
    }
}
