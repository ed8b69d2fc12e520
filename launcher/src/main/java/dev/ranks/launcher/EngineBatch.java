package dev.ranks.launcher;

import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.Engines;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.Summary;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.workloads.tasks.RanksEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one batch of calls on the engine the options name and hands each outcome, in the asked
 * order, to the command, then the summary. {@code ranks} runs as a job of the launcher's {@code -n}
 * ranks on its device, rank 0 scheduling (and calling back); the other engines run in this JVM's
 * threads, child JVMs or FIFO workers. Long batches draw a progress line when stderr is a terminal.
 */
final class EngineBatch {
    /** Batches shorter than this finish before a progress line would tell anything. */
    private static final int PROGRESS_MIN_TASKS = 200;

    private EngineBatch() {
    }

    /**
     * @param launcher the launcher, for the job of the ranks engine
     * @param spec the command, for its streams and job
     * @param options the engine options, checked
     * @param calls the calls
     * @param each called once per outcome, in the asked order; then with the summary (outcome null)
     * @return the exit code: 0 when every call succeeded, 1 otherwise (or the job's code)
     */
    static int run(Launcher launcher, CommandSpec spec, EngineOptions options, List<Call> calls,
            BiConsumer<Outcome, Summary> each) {
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<Summary> summary = new AtomicReference<>();
        if (options.engine.equals("ranks")) {
            TaskRegistry registry = options.registry();
            int code = launcher.job().run(spec, 1, comm -> {
                if (comm.rank() != 0) {
                    RanksEngine.serve(comm, registry);
                    return;
                }
                try (RanksEngine engine = RanksEngine.onRoot(comm, registry)) {
                    summary.set(drain(engine, calls, options, err, each));
                }
            });
            return code != 0 ? code : exitCode(summary.get());
        }
        try (Engine engine = Engines.open(options.engine, options.config(System.err))) {
            return exitCode(drain(engine, calls, options, err, each));
        }
    }

    private static Summary drain(Engine engine, List<Call> calls, EngineOptions options, PrintWriter err,
            BiConsumer<Outcome, Summary> each) {
        Batch batch = engine.submit(calls);
        boolean progress = calls.size() >= PROGRESS_MIN_TASKS && Terminal.progressWanted(false);
        long start = System.nanoTime();
        long[] drawn = {0};
        batch.forEach(options.order(), outcome -> {
            each.accept(outcome, null);
            long now = System.nanoTime();
            if (progress && now - drawn[0] > 100_000_000L) {
                drawn[0] = now;
                int done = batch.completed();
                err.printf(Locale.ROOT, "\r%s: %d/%d tasks, %.0f tasks/s", engine.name(), done, calls.size(),
                        done / ((now - start) / 1e9));
                err.flush();
            }
        });
        if (progress) {
            err.println();
        }
        Summary done = batch.summary();
        each.accept(null, done);
        return done;
    }

    private static int exitCode(Summary summary) {
        return summary.failed() == 0 ? 0 : 1;
    }
}
