package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import java.io.PrintWriter;

/**
 * The cookbook's broadcast recipe: rank 0 shares the value 100 with every rank through
 * {@link Intracomm#bcast(Object, int)} (mpi4py's {@code comm.bcast(variable_to_share, root=0)}).
 */
public final class Bcast {
    /** The rank that has the value. */
    public static final int ROOT = 0;
    /** The value the root shares. */
    public static final int VALUE = 100;

    private Bcast() {
    }

    /**
     * Runs one rank of the recipe: every rank, the root included, prints
     * {@code process = R variable shared = 100}.
     *
     * @param comm this rank's communicator
     * @param out where the rank prints its line
     */
    public static void run(Intracomm comm, PrintWriter out) {
        Integer variableToShare = comm.rank() == ROOT ? VALUE : null;
        int shared = comm.bcast(variableToShare, ROOT);
        out.println("process = " + comm.rank() + " variable shared = " + shared);
    }
}
