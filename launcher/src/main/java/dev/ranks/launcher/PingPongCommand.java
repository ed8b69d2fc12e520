package dev.ranks.launcher;

import dev.ranks.comm.Comm;
import dev.ranks.workloads.bench.PingPong;
import dev.ranks.workloads.bench.PingPongOptions;
import dev.ranks.workloads.bench.PingPongRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the ping-pong benchmarks share: run the harness on the job, then rank 0 prints its table. */
abstract class PingPongCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PingPongMixin pingPong;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Built first so that bad sizes or counts are a usage error, not a failed rank.
        PingPongOptions options = pingPong.options();
        if (bench.job().ranksInThisJvm() > 0) {
            MemoryCheck.heap(spec.qualifiedName(" ").substring(spec.root().name().length() + 1) + " --max-size "
                    + MemoryCheck.option(options.maxSize()), options.heapBytes());
        }
        Steps steps = Steps.of(spec);
        Table table = beforeRanks(steps);
        steps.start("ping-pong between ranks 0 and 1, " + MemoryCheck.option(options.minSize()) + " to "
                + MemoryCheck.option(options.maxSize()) + " bytes");
        try (Progress progress = Progress.start(spec, bench.job(), options.sizes().size())) {
            return bench.job().run(spec, PingPong.MIN_RANKS, comm -> {
                List<PingPongRow> rows = PingPong.run(comm, options, progress::step);
                if (comm.rank() == 0) {
                    progress.close();
                    table.print(out, comm, rows);
                }
            });
        }
    }

    /**
     * Measures what must be measured while no rank runs, and returns how to print the rows.
     *
     * @param steps where to say that a measurement starts
     * @return the table printer
     */
    abstract Table beforeRanks(Steps steps);

    /** Prints the rows of one run. */
    @FunctionalInterface
    interface Table {
        /**
         * @param out where the table goes
         * @param comm the communicator the rows were measured on
         * @param rows the rows, one per size
         */
        void print(PrintWriter out, Comm comm, List<PingPongRow> rows);
    }
}
