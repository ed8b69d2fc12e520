package dev.ranks.collectives;

/**
 * Linear alltoall: every rank posts all its receives and all its sends at once, starting with its
 * right-hand neighbour so that not every rank hits rank 0 first (Open MPI's {@code basic_linear}).
 *
 * <p><b>Requires:</b> nothing (any counts: {@code alltoallv}).
 *
 * <p><b>Example on 7 ranks:</b> rank 2 copies its own block 2, posts receives from 3, 4, 5, 6, 0, 1
 * and sends block 3 to rank 3, block 4 to rank 4, … block 1 to rank 1. 42 messages, one round;
 * the many simultaneous messages suit medium sizes on shared memory.
 */
final class AlltoallLinear {
    private AlltoallLinear() {
    }

    static void schedule(Schedule s, Buf send, int[] sendCounts, int[] sendDispls, Buf recv, int[] recvCounts,
                         int[] recvDispls) {
        int rank = s.rank();
        int size = s.size();
        Checks.fits(sendCounts[rank], recvCounts[rank], rank, "alltoall");
        s.copy(send, sendDispls[rank], recv, recvDispls[rank], sendCounts[rank]);
        for (int k = 1; k < size; k++) {
            int from = (rank - k + size) % size;
            s.recv(recv, recvDispls[from], recvCounts[from], from);
        }
        for (int k = 1; k < size; k++) {
            int to = (rank + k) % size;
            s.send(send, sendDispls[to], sendCounts[to], to);
        }
    }
}
