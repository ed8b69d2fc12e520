package dev.ranks.workloads.recipes;

import dev.ranks.comm.Comm;
import java.io.PrintWriter;

/**
 * The cookbook's point-to-point recipe on 9 ranks: rank 0 sends the int 10000000 to rank 4, rank 1
 * sends the string {@code "hello"} to rank 8, and every rank prints its rank.
 */
public final class PointToPoint {
    /** The fewest ranks the recipe runs on: it names ranks 0, 1, 4 and 8. */
    public static final int MIN_RANKS = 9;

    private static final int TAG = 0;

    private PointToPoint() {
    }

    /**
     * Runs one rank of the recipe.
     *
     * @param comm this rank's communicator, of at least {@link #MIN_RANKS} ranks
     * @param out where the rank prints its lines
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#USAGE}) on fewer ranks
     */
    public static void run(Comm comm, PrintWriter out) {
        RankCount.require(comm, MIN_RANKS, "p2p");
        int rank = comm.rank();
        out.println("my rank is : " + rank);
        switch (rank) {
            case 0 -> {
                int data = 10000000;
                comm.send(data, 4, TAG);
                out.println("sending data " + data + " to process 4");
            }
            case 1 -> {
                String data = "hello";
                comm.send(data, 8, TAG);
                out.println("sending data " + data + " to process 8");
            }
            case 4 -> {
                Integer data = comm.recv(0, TAG);
                out.println("data received is = " + data);
            }
            case 8 -> {
                String data1 = comm.recv(1, TAG);
                out.println("data1 received is = " + data1);
            }
        }
    }
}
