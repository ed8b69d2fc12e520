package dev.ranks.launcher;

import dev.ranks.collectives.Intracomm;
import dev.ranks.workloads.bench.CollectiveBenchOptions;
import dev.ranks.workloads.bench.CollectiveBenchRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints collective benchmark rows as an OSU-style table: comment lines saying what was measured, then columns. */
final class CollectiveBenchTable {
    private CollectiveBenchTable() {
    }

    /**
     * @param out where the table goes
     * @param comm the communicator the rows were measured on, for the header
     * @param options what was measured
     * @param sizeNote what the message size means for this collective
     * @param rows the rows
     */
    static void print(PrintWriter out, Intracomm comm, CollectiveBenchOptions options, String sizeNote,
                      List<CollectiveBenchRow> rows) {
        String label = options.kind().label();
        String forced = comm.settings().collectives().get(options.kind().collective().label());
        out.printf(Locale.ROOT, "# %s latency (as osu_%s) on %d ranks, device %s, eager limit %d bytes%n",
                label, label, comm.size(), comm.settings().device(), comm.settings().eagerLimit());
        out.println("# algorithm: " + (forced == null ? "chosen per size by the selector" : forced + " (forced)"));
        out.println("# " + sizeNote);
        out.println("# each rank times each call, with a barrier between calls, and takes its mean; "
                + "avg, min and max are over the ranks");
        out.printf(Locale.ROOT, "%-10s %14s %14s %14s %12s%n", "size", "avg(us)", "min(us)", "max(us)", "iterations");
        for (CollectiveBenchRow row : rows) {
            out.printf(Locale.ROOT, "%-10d %14.2f %14.2f %14.2f %12d%n",
                    row.size(), row.avgMicros(), row.minMicros(), row.maxMicros(), row.iterations());
        }
        out.flush();
    }
}
