package dev.ranks.collectives;

/**
 * Recursive-doubling exclusive scan (MPICH's {@code MPIR_Exscan_intra_recursive_doubling}): as
 * {@link ScanRecursiveDoubling}, each rank keeps a partial result, the combination of every value
 * it has heard of (its own first), and for {@code mask = 1, 2, 4…} exchanges it with
 * {@code rank XOR mask} when that rank exists. What a rank receives from a partner below it is
 * the run of ranks just below everything it has heard of: the first such message becomes its
 * result, later ones are combined on the left of it. What it receives from a partner above it only
 * goes on the right of its partial result. {@code ceil(log2 p)} rounds.
 *
 * <p><b>Requires:</b> nothing: every combination keeps rank order. Rank 0 never has a partner
 * below it, so its buffer is left unchanged.
 *
 * <p><b>Example on 7 ranks</b> (there is no extra step when the size is not a power of two: a
 * rank whose partner does not exist skips the round):
 * <pre>
 * mask 1: 0↔1  2↔3  4↔5        (6's partner 7 does not exist)
 * mask 2: 0↔2  1↔3  4↔6        (5's partner 7 does not exist)
 * mask 4: 0↔4  1↔5  2↔6        (3's partner 7 does not exist)
 * </pre>
 * Rank 6 receives {@code v4∘v5} from rank 4 at mask 2, its first result, and {@code v0∘…∘v3}
 * from rank 2 at mask 4, put on the left: {@code (v0∘…∘v3)∘(v4∘v5)}. Rank 1 receives only
 * {@code v0}, at mask 1; what it receives at masks 2 and 4 comes from above.
 */
final class ExscanRecursiveDoubling {
    private ExscanRecursiveDoubling() {
    }

    static void schedule(Schedule s, Op op, Buf buf, int offset, int count) {
        int size = s.size();
        if (size == 1) {
            return;
        }
        int rank = s.rank();
        Buf partial = buf.allocate(count);
        Buf tmp = buf.allocate(count);
        s.copy(buf, offset, partial, 0, count);
        boolean hasResult = false;
        for (int mask = 1; mask < size; mask <<= 1) {
            int partner = rank ^ mask;
            if (partner >= size) {
                continue;
            }
            s.send(partial, 0, count, partner);
            s.recv(tmp, 0, count, partner);
            if (partner < rank) {
                s.reduce(op, tmp, 0, partial, 0, count, true);
                if (hasResult) {
                    s.reduce(op, tmp, 0, buf, offset, count, true);
                } else {
                    s.copy(tmp, 0, buf, offset, count);
                    hasResult = true;
                }
            } else {
                s.reduce(op, tmp, 0, partial, 0, count, false);
            }
        }
    }
}
