package dev.ranks.workloads.recipes;

import dev.ranks.comm.Comm;
import java.io.PrintWriter;

/** The cookbook's hello world: every rank says who it is. */
public final class Hello {
    private Hello() {
    }

    /**
     * Prints {@code hello world from process R of N}.
     *
     * @param comm this rank's communicator
     * @param out where the line goes
     */
    public static void run(Comm comm, PrintWriter out) {
        out.println("hello world from process " + comm.rank() + " of " + comm.size());
    }
}
