package dev.ranks.collectives;

/**
 * Pairwise-exchange alltoall (MPICH's {@code MPIR_Alltoall_intra_pairwise}, Open MPI's
 * {@code ompi_coll_base_alltoall_intra_pairwise}): rank {@code r} copies its own block, then in
 * step {@code k = 1 .. p - 1} sends block {@code (r + k) mod p} to rank {@code (r + k) mod p} and
 * receives block {@code (r - k) mod p} from rank {@code (r - k) mod p}, waiting for both before
 * the next step.
 *
 * <p><b>Requires:</b> nothing: each block travels with its own count, so it serves
 * {@code alltoallv} with any counts, zeros included. One send and one receive in flight per rank
 * at a time, against {@link AlltoallLinear}'s {@code 2(p - 1)}: the choice for large blocks, where
 * flooding every link at once only makes messages queue.
 *
 * <p><b>Example on 7 ranks</b> ({@code x→y} carries x's block for y; no extra step when the size
 * is not a power of two):
 * <pre>
 * local:  every rank copies its own block
 * step 1: 0→1  1→2  2→3  3→4  4→5  5→6  6→0
 * step 2: 0→2  1→3  2→4  3→5  4→6  5→0  6→1
 * ...
 * step 6: 0→6  1→0  2→1  3→2  4→3  5→4  6→5
 * </pre>
 * In each step every rank sends once and receives once, so no rank is the target of two messages
 * at the same time.
 */
final class AlltoallPairwise {
    private AlltoallPairwise() {
    }

    static void schedule(Schedule s, Buf send, int[] sendCounts, int[] sendDispls, Buf recv, int[] recvCounts,
                         int[] recvDispls) {
        int rank = s.rank();
        int size = s.size();
        Checks.fits(sendCounts[rank], recvCounts[rank], rank, "alltoall");
        s.copy(send, sendDispls[rank], recv, recvDispls[rank], sendCounts[rank]);
        for (int k = 1; k < size; k++) {
            int to = (rank + k) % size;
            int from = (rank - k + size) % size;
            s.recv(recv, recvDispls[from], recvCounts[from], from);
            s.send(send, sendDispls[to], sendCounts[to], to);
            s.fence();
        }
    }
}
