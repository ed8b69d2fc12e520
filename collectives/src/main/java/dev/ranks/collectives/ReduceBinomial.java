package dev.ranks.collectives;

/**
 * Binomial-tree reduce (MPICH's {@code MPIR_Reduce_intra_binomial}): in round {@code k}, every
 * rank whose bit {@code k} is clear receives the partial result of the subtree starting at
 * {@code vr + 2^k} and combines it on the right of its own; a rank whose bit {@code k} is set
 * sends its partial result to {@code vr - 2^k} and is done. {@code ceil(log2 p)} rounds.
 *
 * <p><b>Requires:</b> nothing. A rank at {@code vr} always holds the contiguous range
 * {@code vr .. vr + 2^k - 1} and receives the next range, so partial results are combined in rank
 * order when the tree is rooted at rank 0. For a commutative operation the tree is rooted at the
 * root itself ({@code vr = (rank - root) mod p}); for a non-commutative one it is rooted at 0 and
 * rank 0 then sends the result to the root, one extra message.
 *
 * <p><b>Example on 7 ranks, root 0:</b>
 * <pre>
 * round 1: 1→0  3→2  5→4        (6 has no partner at 7: it waits)
 * round 2: 2→0  6→4             (0 holds v0..v3 after combining (v0∘v1)∘(v2∘v3))
 * round 3: 4→0                  (0 holds (v0..v3)∘(v4..v6))
 * </pre>
 */
final class ReduceBinomial {
    private ReduceBinomial() {
    }

    static void schedule(Schedule s, Op op, Buf buf, int offset, int count, int root) {
        int size = s.size();
        int rank = s.rank();
        int top = op.commutative() ? root : 0;
        int vr = (rank - top + size) % size;
        Buf partial = null;
        for (int mask = 1; mask < size; mask <<= 1) {
            if ((vr & mask) == 0) {
                int from = vr | mask;
                if (from < size) {
                    if (partial == null) {
                        partial = buf.allocate(count);
                    }
                    s.recv(partial, 0, count, (from + top) % size);
                    s.reduce(op, partial, 0, buf, offset, count, false);
                }
            } else {
                s.fence();
                s.send(buf, offset, count, (vr - mask + top) % size);
                if (rank == root && top != root) {
                    s.fence();
                    s.recv(buf, offset, count, top);
                }
                return;
            }
        }
        if (top != root) {
            s.fence();
            s.send(buf, offset, count, root);
        }
    }
}
