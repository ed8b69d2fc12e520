package dev.ranks.launcher;

import dev.ranks.comm.Comm;
import dev.ranks.workloads.bench.PingPongRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints ping-pong rows as an OSU-style table: comment lines saying what was measured, then columns. */
final class PingPongTable {
    /**
     * One value column.
     *
     * @param heading the column's heading
     * @param value the value of a row
     */
    record Column(String heading, ToDoubleFunction<PingPongRow> value) {
    }

    private PingPongTable() {
    }

    /**
     * @param out where the table goes
     * @param comm the communicator the rows were measured on, for the header
     * @param notes comment lines saying what the columns hold and how they were computed
     * @param own the benchmark's value columns
     * @param reference the Open MPI reference's value and ratio columns, after {@code columns}; empty where
     *     it was not measured
     * @param rows the rows
     */
    static void print(PrintWriter out, Comm comm, List<String> notes, List<Column> own, List<Column> reference,
                      List<PingPongRow> rows) {
        out.printf(Locale.ROOT, "# ping-pong between ranks 0 and 1 of %d, device %s, eager limit %d bytes%n",
                comm.size(), comm.settings().device(), comm.settings().eagerLimit());
        for (String note : notes) {
            out.println("# " + note);
        }
        if (!reference.isEmpty()) {
            out.println("# OpenMPI: bench/pingpong.c, the same ping-pong in C, under Open MPI's mpirun -np 2 just"
                    + " before the ranks started (its own iteration counts, the defaults'); x OpenMPI = Ranks / OpenMPI");
        }
        List<Column> columns = new ArrayList<>(own);
        columns.addAll(reference);
        out.printf(Locale.ROOT, "%-10s", "size");
        for (Column column : columns) {
            out.printf(Locale.ROOT, " %14s", column.heading());
        }
        out.printf(Locale.ROOT, " %12s%n", "iterations");
        for (PingPongRow row : rows) {
            out.printf(Locale.ROOT, "%-10d", row.size());
            for (Column column : columns) {
                out.printf(Locale.ROOT, " %14.2f", column.value().applyAsDouble(row));
            }
            out.printf(Locale.ROOT, " %12d%n", row.iterations());
        }
        out.flush();
    }
}
