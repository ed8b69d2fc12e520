package dev.ranks.collectives;

/**
 * Ring allgather (MPICH's {@code MPIR_Allgatherv_intra_ring}, Open MPI's
 * {@code ompi_coll_base_allgather_intra_ring}): {@code p - 1} steps; in step {@code k} rank
 * {@code r} sends block {@code (r - k) mod p} to its right-hand neighbour {@code r + 1} and
 * receives block {@code (r - k - 1) mod p} from its left-hand neighbour {@code r - 1}, straight into
 * that block's place. The block a rank receives in one step is the one it sends in the next.
 *
 * <p><b>Requires:</b> nothing: each block travels with its own count, so it serves
 * {@code allgatherv} with any counts, zeros included, and any size. Every rank sends and receives
 * {@code p - 1} messages, each link of the ring carries every block once: the choice for large
 * blocks, where bandwidth rather than the {@code p - 1} latencies dominates.
 *
 * <p><b>Example on 7 ranks</b> ({@code bN} is rank N's block; there is no extra step when the
 * size is not a power of two):
 * <pre>
 * step 0: 0→1 b0  1→2 b1  2→3 b2  3→4 b3  4→5 b4  5→6 b5  6→0 b6
 * step 1: 0→1 b6  1→2 b0  2→3 b1  3→4 b2  4→5 b3  5→6 b4  6→0 b5
 * step 2: 0→1 b5  1→2 b6  2→3 b0  3→4 b1  4→5 b2  5→6 b3  6→0 b4
 * ...
 * step 5: 0→1 b2  1→2 b3  2→3 b4  3→4 b5  4→5 b6  5→6 b0  6→0 b1
 * </pre>
 * Rank 0 receives b6, b5, b4, b3, b2, b1 in steps 0 to 5 and forwards each one step later, except
 * b1, which rank 1 already has.
 */
final class AllgatherRing {
    private AllgatherRing() {
    }

    static void schedule(Schedule s, Buf buf, int[] counts, int[] displs) {
        int size = s.size();
        int rank = s.rank();
        int right = (rank + 1) % size;
        int left = (rank - 1 + size) % size;
        for (int k = 0; k < size - 1; k++) {
            int out = (rank - k + size) % size;
            int in = (rank - k - 1 + size) % size;
            s.recv(buf, displs[in], counts[in], left);
            s.send(buf, displs[out], counts[out], right);
            s.fence();
        }
    }
}
