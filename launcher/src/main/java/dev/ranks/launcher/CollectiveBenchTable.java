package dev.ranks.launcher;

import dev.ranks.collectives.Intracomm;
import dev.ranks.workloads.bench.CollectiveBenchOptions;
import dev.ranks.workloads.bench.CollectiveBenchRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Prints collective benchmark rows as an OSU-style table (comment lines saying what was measured, then
 * columns), and draws them.
 */
final class CollectiveBenchTable {
    private CollectiveBenchTable() {
    }

    /**
     * @param out where the table goes
     * @param comm the communicator the rows were measured on, for the header
     * @param options what was measured
     * @param sizeNote what the message size means for this collective
     * @param rows the rows
     * @param openMpi bench/collectives.c's rows by size, for the reference columns; empty for none
     */
    static void print(PrintWriter out, Intracomm comm, CollectiveBenchOptions options, String sizeNote,
                      List<CollectiveBenchRow> rows, Map<Integer, OpenMpiCollectives.Row> openMpi) {
        String label = options.kind().label();
        String forced = forced(comm, options);
        out.printf(Locale.ROOT, "# %s latency (as osu_%s) on %d ranks, device %s, eager limit %d bytes%n",
                label, label, comm.size(), comm.settings().device(), comm.settings().eagerLimit());
        out.println("# algorithm: " + (forced == null ? "chosen per size by the selector" : forced + " (forced)"));
        out.println("# " + sizeNote);
        out.println("# each rank times each call, with a barrier between calls, and takes its mean; "
                + "avg, min and max are over the ranks");
        out.println("# b2b(us): the same number of calls back to back, no barrier between them: time per call,"
                + " averaged over the ranks");
        boolean reference = !openMpi.isEmpty();
        if (reference) {
            out.println("# OpenMPI: bench/collectives.c, the same calls in C, under Open MPI's mpirun -np " + comm.size()
                    + " just before the ranks ran, timed both ways; x OpenMPI = Ranks / Open MPI");
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s %14s %14s %14s %12s",
                "size", "avg(us)", "min(us)", "max(us)", "b2b(us)"));
        if (reference) {
            header.append(String.format(Locale.ROOT, " %14s %10s %14s %10s", "OpenMPI(us)", "x OpenMPI",
                    "OpenMPI b2b", "x b2b"));
        }
        out.println(header.append(String.format(Locale.ROOT, " %12s", "iterations")));
        for (CollectiveBenchRow row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10d %14.2f %14.2f %14.2f %12.2f",
                    row.size(), row.avgMicros(), row.minMicros(), row.maxMicros(), row.backToBackMicros()));
            if (reference) {
                OpenMpiCollectives.Row c = openMpi.get(row.size());
                double avg = c == null ? Double.NaN : c.avgMicros();
                double b2b = c == null ? Double.NaN : c.backToBackMicros();
                line.append(String.format(Locale.ROOT, " %14.2f %10.2f %14.2f %10.2f", avg, row.avgMicros() / avg,
                        b2b, row.backToBackMicros() / b2b));
            }
            out.println(line.append(String.format(Locale.ROOT, " %12d", row.iterations())));
        }
        out.flush();
    }

    /**
     * Draws the average time per call over size: a line per algorithm.
     *
     * @param plot where the chart goes
     * @param title the chart's title, from {@link #title}
     * @param lines each algorithm's rows, by the line's name
     */
    static void plot(BenchPlot plot, String title, Map<String, List<CollectiveBenchRow>> lines) {
        List<BenchPlot.Line> drawn = new ArrayList<>();
        lines.forEach((name, rows) -> {
            List<CollectiveBenchRow> plotted = rows.stream().filter(row -> row.size() > 0).toList();
            drawn.add(new BenchPlot.Line(name, plotted.stream().mapToDouble(CollectiveBenchRow::size).toArray(),
                    plotted.stream().mapToDouble(CollectiveBenchRow::avgMicros).toArray()));
        });
        plot.sizes(title, "time per call, average over ranks (us)", drawn);
    }

    /**
     * @param comm the communicator the rows were measured on
     * @param options what was measured
     * @return the plot's title, such as {@code allreduce on 4 ranks, device local}
     */
    static String title(Intracomm comm, CollectiveBenchOptions options) {
        return String.format(Locale.ROOT, "%s on %d ranks, device %s", options.kind().label(), comm.size(),
                comm.settings().device());
    }

    /**
     * @param comm the communicator the rows were measured on
     * @param options what was measured
     * @return the algorithm the job's settings force for this collective; null where the selector chooses
     */
    static String forced(Intracomm comm, CollectiveBenchOptions options) {
        return comm.settings().collectives().get(options.kind().collective().label());
    }
}
