package dev.ranks.collectives;

/**
 * Recursive-doubling scan (MPICH's {@code MPIR_Scan_intra_recursive_doubling}): each rank keeps
 * its prefix (its buffer) and a partial result, the combination of every value it has heard of,
 * and for {@code mask = 1, 2, 4…} exchanges the partial result with {@code rank XOR mask} when that
 * rank exists. A rank whose partner is below it combines what it receives on the left of both its
 * prefix and its partial result; a rank whose partner is above it combines it on the right of its
 * partial result only. {@code ceil(log2 p)} rounds.
 *
 * <p><b>Requires:</b> nothing: what a rank receives always covers the run of ranks just below or
 * just above what it holds, so every combination keeps rank order, as non-commutative operations
 * need.
 *
 * <p><b>Example on 7 ranks</b> (there is no extra step when the size is not a power of two: a
 * rank whose partner does not exist skips the round):
 * <pre>
 * mask 1: 0↔1  2↔3  4↔5        (6's partner 7 does not exist)
 * mask 2: 0↔2  1↔3  4↔6        (5's partner 7 does not exist)
 * mask 4: 0↔4  1↔5  2↔6        (3's partner 7 does not exist)
 * </pre>
 * Rank 6 receives {@code v4∘v5} from rank 4 at mask 2 and {@code v0∘…∘v3} from rank 2 at mask 4,
 * each put on the left of its prefix: {@code (v0∘…∘v3)∘((v4∘v5)∘v6)}. Rank 5 receives
 * {@code v4} at mask 1 and {@code v0∘…∘v3} from rank 1 at mask 4.
 */
final class ScanRecursiveDoubling {
    private ScanRecursiveDoubling() {
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
        for (int mask = 1; mask < size; mask <<= 1) {
            int partner = rank ^ mask;
            if (partner >= size) {
                continue;
            }
            s.send(partial, 0, count, partner);
            s.recv(tmp, 0, count, partner);
            if (partner < rank) {
                s.reduce(op, tmp, 0, buf, offset, count, true);
                s.reduce(op, tmp, 0, partial, 0, count, true);
            } else {
                s.reduce(op, tmp, 0, partial, 0, count, false);
            }
        }
    }
}
