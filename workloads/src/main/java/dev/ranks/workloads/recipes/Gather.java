package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import java.io.PrintWriter;
import java.util.List;

/**
 * The cookbook's gather recipe: rank {@code r} sends {@code (r+1)²} to rank 0 through
 * {@link Intracomm#gather(Object, int)} (mpi4py's {@code comm.gather(data, root=0)}), and rank 0
 * says what it received from whom.
 */
public final class Gather {
    /** The rank that gathers. */
    public static final int ROOT = 0;

    private Gather() {
    }

    /**
     * Runs one rank of the recipe. Every rank but the root prints
     * {@code process r sending (r+1)² to process 0}; the root prints
     * {@code process 0 receiving data from process i: v} for every rank {@code i} in rank order,
     * its own value included.
     *
     * @param comm this rank's communicator
     * @param out where the rank prints its lines
     */
    public static void run(Intracomm comm, PrintWriter out) {
        int rank = comm.rank();
        int data = (rank + 1) * (rank + 1);
        if (rank != ROOT) {
            out.println("process " + rank + " sending " + data + " to process " + ROOT);
        }
        List<Integer> gathered = comm.gather(data, ROOT);
        if (rank == ROOT) {
            for (int i = 0; i < gathered.size(); i++) {
                out.println("process " + ROOT + " receiving data from process " + i + ": " + gathered.get(i));
            }
        }
    }
}
