package dev.ranks.launcher;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.bench.PingPong;
import dev.ranks.workloads.bench.PingPongOptions;
import dev.ranks.workloads.bench.PingPongRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the ping-pong benchmarks share: run the harness on the job, then rank 0 prints its table and,
 * with {@code --plot}, draws it beside the Open MPI reference where that was measured.
 */
abstract class PingPongCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PingPongMixin pingPong;

    @Mixin
    private PlotOption plotOption;

    @Option(names = "--openmpi", negatable = true,
            description = "Also time bench/pingpong.c, the same ping-pong in C, under Open MPI's mpirun -np 2 at the"
                    + " same sizes before the ranks start: two more columns, and a curve in the plot. Default: on"
                    + " with --plot where mpicc and mpirun are installed, off otherwise.")
    private Boolean openMpi;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Built first so that bad sizes or counts are a usage error, not a failed rank.
        PingPongOptions options = pingPong.options();
        if (bench.job().ranksInThisJvm() > 0) {
            MemoryCheck.heap(spec.qualifiedName(" ").substring(spec.root().name().length() + 1) + " --max-size "
                    + MemoryCheck.option(options.maxSize()), options.heapBytes());
        }
        BenchPlot plot = plotOption.plot();
        boolean local = bench.job().ranksInThisJvm() > 0;
        boolean reference = openMpi != null ? openMpi : plot != null && local && OpenMpiProgram.installed();
        if (reference && !local) {
            // Under --device mpj the command runs again in each MPJ Express process, so each would time it.
            throw new RanksException(ErrorClass.USAGE, "--openmpi times Open MPI beside the local device only;"
                    + " bin/bench-compare-mpj compares the mpj device with MPJ Express");
        }
        Steps steps = Steps.of(spec);
        Table table = beforeRanks(steps);
        Map<Integer, OpenMpiPingPong.Row> openMpiRows = reference ? timeOpenMpi(steps, options) : Map.of();
        Figure figure = figure();
        steps.start("ping-pong between ranks 0 and 1, " + MemoryCheck.option(options.minSize()) + " to "
                + MemoryCheck.option(options.maxSize()) + " bytes");
        try (Progress progress = Progress.start(spec, bench.job(), options.sizes().size())) {
            return bench.job().run(spec, PingPong.MIN_RANKS, comm -> {
                List<PingPongRow> rows = PingPong.run(comm, options, progress::step);
                if (comm.rank() == 0) {
                    progress.close();
                    table.print(out, comm, reference ? openMpiColumns(figure, openMpiRows) : List.of(), rows);
                    if (plot != null) {
                        plot.sizes("ping-pong between 2 ranks, device " + comm.settings().device(), figure.axisTitle(),
                                lines(figure, rows, openMpiRows));
                    }
                }
            });
        }
    }

    // Also before the ranks, so that mpirun's two processes and the ranks do not share the cores.
    private static Map<Integer, OpenMpiPingPong.Row> timeOpenMpi(Steps steps, PingPongOptions options) {
        steps.start("timing bench/pingpong.c under Open MPI's mpirun -np 2");
        return OpenMpiPingPong.run(options.sizes());
    }

    private static List<PingPongTable.Column> openMpiColumns(Figure figure, Map<Integer, OpenMpiPingPong.Row> rows) {
        ToDoubleFunction<PingPongRow> openMpi = row -> rows.containsKey(row.size())
                ? figure.openMpi().applyAsDouble(rows.get(row.size())) : Double.NaN;
        return List.of(new PingPongTable.Column(figure.openMpiHeading(), openMpi),
                new PingPongTable.Column("x OpenMPI",
                        row -> figure.ranks().applyAsDouble(row) / openMpi.applyAsDouble(row)));
    }

    // A logarithmic axis has no place for 0: a 0-byte row stays in the table only.
    private static List<BenchPlot.Line> lines(Figure figure, List<PingPongRow> rows,
                                              Map<Integer, OpenMpiPingPong.Row> openMpi) {
        List<PingPongRow> plotted = rows.stream().filter(row -> row.size() > 0).toList();
        List<BenchPlot.Line> lines = new ArrayList<>();
        lines.add(new BenchPlot.Line("Ranks", plotted.stream().mapToDouble(PingPongRow::size).toArray(),
                plotted.stream().mapToDouble(figure.ranks()).toArray()));
        List<OpenMpiPingPong.Row> reference = openMpi.values().stream().filter(row -> row.size() > 0).toList();
        if (!reference.isEmpty()) {
            lines.add(new BenchPlot.Line("Open MPI C", reference.stream().mapToDouble(OpenMpiPingPong.Row::size).toArray(),
                    reference.stream().mapToDouble(figure.openMpi()).toArray()));
        }
        return lines;
    }

    /**
     * Measures what must be measured while no rank runs, and returns how to print the rows.
     *
     * @param steps where to say that a measurement starts
     * @return the table printer
     */
    abstract Table beforeRanks(Steps steps);

    /** @return the figure this benchmark plots, and how to read it from the Open MPI reference */
    abstract Figure figure();

    /**
     * The figure a ping-pong benchmark plots and compares.
     *
     * @param axisTitle the plot's y axis, with the unit
     * @param ranks the figure of a row of Ranks
     * @param openMpiHeading the heading of the Open MPI column
     * @param openMpi the figure of a row of the Open MPI reference
     */
    record Figure(String axisTitle, ToDoubleFunction<PingPongRow> ranks, String openMpiHeading,
                  ToDoubleFunction<OpenMpiPingPong.Row> openMpi) {
    }

    /** Prints the rows of one run. */
    @FunctionalInterface
    interface Table {
        /**
         * @param out where the table goes
         * @param comm the communicator the rows were measured on
         * @param reference the Open MPI reference's columns, after the benchmark's own; empty where it was not measured
         * @param rows the rows, one per size
         */
        void print(PrintWriter out, Comm comm, List<PingPongTable.Column> reference, List<PingPongRow> rows);
    }
}
