package dev.ranks.collectives;

/**
 * Linear scatter: the root sends each rank its block directly and copies its own (Open MPI's
 * {@code basic_linear}, MPICH's only {@code scatterv}). It works for {@code scatterv}, where only
 * the root knows every count.
 *
 * <p><b>Requires:</b> nothing.
 *
 * <p><b>Example on 7 ranks, root 0, 2 elements each:</b> rank 0 copies elements 0–1 of its send
 * buffer to its receive buffer, then posts sends of elements 2–3 to rank 1, 4–5 to rank 2, … 12–13
 * to rank 6; ranks 1–6 each receive once. One round, {@code p - 1} messages through the root.
 */
final class ScatterLinear {
    private ScatterLinear() {
    }

    static void schedule(Schedule s, Buf send, int[] counts, int[] displs, Buf recv, int recvOffset, int recvCount,
                         int root) {
        int rank = s.rank();
        if (rank != root) {
            s.recv(recv, recvOffset, recvCount, root);
            return;
        }
        Checks.fits(counts[root], recvCount, rank, "scatter");
        s.copy(send, displs[root], recv, recvOffset, counts[root]);
        for (int i = 0; i < s.size(); i++) {
            if (i != root) {
                s.send(send, displs[i], counts[i], i);
            }
        }
    }
}
