package dev.ranks.workloads.recipes;

import dev.ranks.comm.Comm;
import java.io.PrintWriter;

/**
 * The cookbook's deadlock recipe: ranks 1 and 5 exchange a string ({@code "a"} from rank 1,
 * {@code "b"} from rank 5). Written naively, each receives from the other before sending, so both
 * wait for good; {@link Fix} names the two cures the cookbook shows.
 */
public final class Deadlock {
    /** The fewest ranks the recipe runs on: it names ranks 1 and 5. */
    public static final int MIN_RANKS = 6;

    private static final int TAG = 0;

    /** How the exchange between ranks 1 and 5 is written. */
    public enum Fix {
        /** Both ranks receive before sending: a deadlock whatever the message size. */
        NONE,
        /** Rank 1 sends first, then receives; rank 5 receives first, then sends. */
        ORDER,
        /** Both ranks call {@code sendrecv}, which cannot deadlock between a pair. */
        SENDRECV
    }

    private Deadlock() {
    }

    /**
     * Runs one rank of the recipe. Ranks 1 and 5 print {@code sending data X to process P} and
     * {@code data received is = Y} once the exchange is done.
     *
     * @param comm this rank's communicator, of at least {@link #MIN_RANKS} ranks
     * @param fix how ranks 1 and 5 order their calls
     * @param out where the rank prints its lines
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#USAGE}) on fewer ranks
     */
    public static void run(Comm comm, Fix fix, PrintWriter out) {
        RankCount.require(comm, MIN_RANKS, "deadlock");
        int rank = comm.rank();
        out.println("my rank is : " + rank);
        if (rank == 1) {
            exchange(comm, "a", 5, fix == Fix.ORDER, fix, out);
        } else if (rank == 5) {
            exchange(comm, "b", 1, false, fix, out);
        }
    }

    private static void exchange(Comm comm, String data, int peer, boolean sendFirst, Fix fix, PrintWriter out) {
        String received;
        if (fix == Fix.SENDRECV) {
            received = comm.sendrecv(data, peer, TAG, peer, TAG);
        } else if (sendFirst) {
            comm.send(data, peer, TAG);
            received = comm.recv(peer, TAG);
        } else {
            received = comm.recv(peer, TAG);
            comm.send(data, peer, TAG);
        }
        out.println("sending data " + data + " to process " + peer);
        out.println("data received is = " + received);
    }
}
