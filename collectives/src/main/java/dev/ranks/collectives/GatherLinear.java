package dev.ranks.collectives;

/**
 * Linear gather: every rank sends its block straight to the root, which receives them all at once
 * (Open MPI's {@code basic_linear}; the {@code gatherv} algorithm, since only the root knows the
 * counts).
 *
 * <p><b>Requires:</b> nothing.
 *
 * <p><b>Example on 7 ranks, root 3:</b> ranks 0, 1, 2, 4, 5, 6 each send once to rank 3, which
 * has posted six receives, one per rank into that rank's place, and copies its own block. One round.
 */
final class GatherLinear {
    private GatherLinear() {
    }

    static void schedule(Schedule s, Buf send, int sendOffset, int sendCount, Buf recv, int[] counts, int[] displs,
                         int root) {
        int rank = s.rank();
        if (rank != root) {
            s.send(send, sendOffset, sendCount, root);
            return;
        }
        Checks.fits(sendCount, counts[root], rank, "gather");
        s.copy(send, sendOffset, recv, displs[root], sendCount);
        for (int i = 0; i < s.size(); i++) {
            if (i != root) {
                s.recv(recv, displs[i], counts[i], i);
            }
        }
    }
}
