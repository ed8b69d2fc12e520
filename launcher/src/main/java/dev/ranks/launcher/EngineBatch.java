package dev.ranks.launcher;

import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.Engines;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.Summary;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.workloads.tasks.RanksEngine;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one batch of calls on the engine the options name and hands each outcome, in the asked
 * order, to the command, then the summary. {@code ranks} runs as a job of the launcher's {@code -n}
 * ranks on its device, rank 0 scheduling (and calling back); the other engines run in this JVM's
 * threads, child JVMs or FIFO workers. Long batches draw a {@link Progress} bar.
 */
final class EngineBatch {
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
        AtomicReference<Summary> summary = new AtomicReference<>();
        if (options.engine.equals("ranks")) {
            TaskRegistry registry = options.registry();
            int code = launcher.job().run(spec, 1, comm -> {
                if (comm.rank() != 0) {
                    RanksEngine.serve(comm, registry);
                    return;
                }
                try (RanksEngine engine = RanksEngine.onRoot(comm, registry)) {
                    summary.set(drain(engine, calls, options, spec, each));
                }
            });
            return code != 0 ? code : exitCode(summary.get());
        }
        try (Engine engine = Engines.open(options.engine, options.config(System.err))) {
            return exitCode(drain(engine, calls, options, spec, each));
        }
    }

    private static Summary drain(Engine engine, List<Call> calls, EngineOptions options, CommandSpec spec,
            BiConsumer<Outcome, Summary> each) {
        Batch batch = engine.submit(calls);
        try (Progress progress = Progress.forTasks(spec, calls.size())) {
            progress.message("tasks on " + engine.name());
            batch.forEach(options.order(), outcome -> {
                each.accept(outcome, null);
                progress.stepTo(batch.completed());
            });
        }
        Summary done = batch.summary();
        each.accept(null, done);
        return done;
    }

    private static int exitCode(Summary summary) {
        return summary.failed() == 0 ? 0 : 1;
    }
}
