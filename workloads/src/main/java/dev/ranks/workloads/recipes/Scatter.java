package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cookbook's scatter recipe: rank 0 holds the list {@code [1, 2, …]} and hands item {@code i}
 * to rank {@code i} through {@link Intracomm#scatter(List, int)} (mpi4py's
 * {@code comm.scatter(array_to_share, root=0)}). As in mpi4py, the list must have exactly one item
 * per rank; any other length fails at the root with "scatter: expecting N items, got M".
 */
public final class Scatter {
    /** The rank that holds the list. */
    public static final int ROOT = 0;

    private Scatter() {
    }

    /**
     * Runs one rank of the recipe with a list of one item per rank: rank {@code r} prints
     * {@code process = r variable shared = r+1}.
     *
     * @param comm this rank's communicator
     * @param out where the rank prints its line
     */
    public static void run(Intracomm comm, PrintWriter out) {
        run(comm, comm.size(), out);
    }

    /**
     * Runs one rank of the recipe with a list of {@code count} items at the root.
     *
     * @param comm this rank's communicator
     * @param count how many items the root's list {@code [1, 2, …, count]} holds; the scatter
     *     succeeds only when this is the number of ranks
     * @param out where the rank prints its line
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code count} is negative;
     *     ({@link ErrorClass#COUNT}) at the root when it is not the number of ranks
     */
    public static void run(Intracomm comm, int count, PrintWriter out) {
        if (count < 0) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), "scatter count " + count
                    + " is invalid: expected at least 0 items", null);
        }
        List<Integer> arrayToShare = comm.rank() == ROOT ? IntStream.rangeClosed(1, count).boxed().toList() : null;
        int received = comm.scatter(arrayToShare, ROOT);
        out.println("process = " + comm.rank() + " variable shared = " + received);
    }
}
