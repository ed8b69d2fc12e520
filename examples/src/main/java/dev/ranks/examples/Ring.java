package dev.ranks.examples;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.Request;

/**
 * A token passed round a ring with non-blocking point-to-point messages: rank 0 sends it to rank 1,
 * each rank adds its rank and passes it on, and the last rank sends it back to rank 0, once per lap.
 * After L laps of N ranks the token is L·N(N−1)/2.
 *
 * <p>Every rank posts its receive ({@code irecv}) before it waits, and sends with {@code isend}; rank 0
 * sends and receives at once and waits for both with {@link Request#waitAll}, so one rank alone (its own
 * left and right neighbour) works too. The token is an {@code int[1]}, the primitive-array style: it is
 * received into the caller's array.
 *
 * <p>A {@link RankProgram}: the launcher makes one instance per rank and calls {@link #run}.
 *
 * <pre>
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.Ring 2
 * rank 1 received 0 from rank 0 on lap 1
 * rank 2 received 1 from rank 1 on lap 1
 * rank 3 received 3 from rank 2 on lap 1
 * rank 0 received 6 from rank 3 on lap 1
 * ...
 * token back at rank 0: 12 (ranks 4, laps 2, hops 8)
 * </pre>
 */
public final class Ring implements RankProgram {
    private static final int TOKEN = 0;

    /** Makes the program; the launcher calls this once per rank. */
    public Ring() {
    }

    /**
     * Runs one rank.
     *
     * @param world the ranks of the job
     * @param args optionally the number of laps (default 1)
     */
    @Override
    public void run(Intracomm world, String[] args) {
        int laps = laps(args);
        int rank = world.rank();
        int left = (rank - 1 + world.size()) % world.size();
        int right = (rank + 1) % world.size();

        int[] token = {0};
        int[] arrived = new int[1];
        for (int lap = 1; lap <= laps; lap++) {
            if (rank == 0) {
                Request in = world.irecv(arrived, left, TOKEN);
                Request out = world.isend(token, right, TOKEN);
                Request.waitAll(in, out);
                System.out.printf("rank 0 received %d from rank %d on lap %d%n", arrived[0], left, lap);
                token[0] = arrived[0];
            } else {
                world.irecv(arrived, left, TOKEN).waitFor();
                System.out.printf("rank %d received %d from rank %d on lap %d%n", rank, arrived[0], left, lap);
                token[0] = arrived[0] + rank;
                world.isend(token, right, TOKEN).waitFor();
            }
        }

        if (rank == 0) {
            System.out.printf("token back at rank 0: %d (ranks %d, laps %d, hops %d)%n",
                    token[0], world.size(), laps, laps * world.size());
        }
    }

    private static int laps(String[] args) {
        if (args.length == 0) {
            return 1;
        }
        String bad = "Ring: laps '" + args[0] + "' is invalid: expected a positive integer";
        int laps;
        try {
            laps = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad, e);
        }
        if (laps <= 0) {
            throw new IllegalArgumentException(bad);
        }
        return laps;
    }
}
