package dev.ranks.collectives;

/**
 * Ring reduce-scatter (Open MPI's {@code ompi_coll_base_reduce_scatter_intra_ring}): {@code p - 1}
 * steps around the ring. In step {@code k} rank {@code r} sends its partial block
 * {@code (r - k - 1) mod p} to {@code r + 1} and receives block {@code (r - k - 2) mod p} from
 * {@code r - 1} into scratch space, then combines it into its own copy of that block, which it
 * sends on in the next step. The block a rank receives in the last step is its own, {@code r},
 * now combined over every rank; it is copied to the receive buffer.
 *
 * <p><b>Requires:</b> a commutative operation: block {@code j} is combined starting at rank
 * {@code j + 1}, around the ring, not in rank order. Blocks may have any counts, zeros included:
 * each travels with its own count. Each rank sends and receives about {@code (p - 1)/p} of the
 * vector: the choice for long vectors.
 *
 * <p><b>Example on 7 ranks</b> ({@code bN} is block N; there is no extra step when the size is
 * not a power of two):
 * <pre>
 * step 0: 0→1 b6  1→2 b0  2→3 b1  3→4 b2  4→5 b3  5→6 b4  6→0 b5   (2 holds v1∘v2 of b0 …)
 * step 1: 0→1 b5  1→2 b6  2→3 b0  3→4 b1  4→5 b2  5→6 b3  6→0 b4   (3 holds v1..v3 of b0 …)
 * ...
 * step 5: 0→1 b1  1→2 b2  2→3 b3  3→4 b4  4→5 b5  5→6 b6  6→0 b0   (rank r holds all of br)
 * </pre>
 */
final class ReduceScatterRing {
    private ReduceScatterRing() {
    }

    static void schedule(Schedule s, Op op, Buf work, int[] counts, Buf recv, int recvOffset) {
        int size = s.size();
        int rank = s.rank();
        int[] displs = Blocks.displacements(counts);
        int right = (rank + 1) % size;
        int left = (rank - 1 + size) % size;
        int largest = 0;
        for (int c : counts) {
            largest = Math.max(largest, c);
        }
        Buf scratch = size > 1 ? work.allocate(largest) : null;
        for (int k = 0; k < size - 1; k++) {
            int out = ((rank - k - 1) % size + size) % size;
            int in = ((rank - k - 2) % size + size) % size;
            s.recv(scratch, 0, counts[in], left);
            s.send(work, displs[out], counts[out], right);
            s.reduce(op, scratch, 0, work, displs[in], counts[in], true);
        }
        s.copy(work, displs[rank], recv, recvOffset, counts[rank]);
    }
}
