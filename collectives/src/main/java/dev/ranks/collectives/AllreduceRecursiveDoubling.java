package dev.ranks.collectives;

/**
 * Recursive-doubling allreduce (MPICH's {@code MPIR_Allreduce_intra_recursive_doubling}): with
 * {@code pof2} the largest power of two not above {@code p} and {@code rem = p - pof2}, the first
 * {@code 2·rem} ranks pair up and each even rank hands its vector to the odd rank above it, which
 * combines the two and stands for both. The {@code pof2} ranks left, renumbered {@code 0..pof2-1}
 * ({@code newrank}), do {@code log2(pof2)} exchanges of the whole vector with
 * {@code newrank XOR mask} for {@code mask = 1, 2, 4…}; finally the odd ranks hand the result back
 * to the even ranks that sat out.
 *
 * <p><b>Requires:</b> nothing. A {@code newrank} stands for a contiguous run of ranks (one or two)
 * and the runs are in rank order, so after the exchange at {@code mask} a rank holds the
 * combination of the aligned group of {@code 2·mask} newranks around it; the value from the lower
 * group is always put on the left, which keeps rank order for non-commutative operations.
 *
 * <p><b>Example on 7 ranks</b> ({@code pof2 = 4}, {@code rem = 3}; newranks 0, 1, 2, 3 are ranks
 * 1, 3, 5, 6):
 * <pre>
 * extra step: 0→1  2→3  4→5          (1 holds v0∘v1, 3 holds v2∘v3, 5 holds v4∘v5)
 * mask 1:     1↔3  5↔6               (1 and 3 hold v0..v3; 5 and 6 hold v4..v6)
 * mask 2:     1↔5  3↔6               (1, 3, 5, 6 hold v0..v6)
 * extra step: 1→0  3→2  5→4
 * </pre>
 * {@code 2 + log2(pof2)} rounds, each moving the whole vector: the choice for short vectors, where
 * latency dominates.
 */
final class AllreduceRecursiveDoubling {
    private AllreduceRecursiveDoubling() {
    }

    static void schedule(Schedule s, Op op, Buf send, int sendOffset, Buf buf, int offset, int count) {
        Blocks.inPlace(s, send, sendOffset, buf, offset, count);
        int size = s.size();
        int rank = s.rank();
        int pof2 = Blocks.floorPowerOfTwo(size);
        int rem = size - pof2;
        Buf tmp = size > 1 ? buf.allocate(count) : null;
        int newrank = PowerOfTwoFold.fold(s, op, buf, offset, count, tmp, rem);
        if (newrank >= 0) {
            for (int mask = 1; mask < pof2; mask <<= 1) {
                int partner = PowerOfTwoFold.realRank(newrank ^ mask, rem);
                s.send(buf, offset, count, partner);
                s.recv(tmp, 0, count, partner);
                s.reduce(op, tmp, 0, buf, offset, count, partner < rank);
            }
        }
        PowerOfTwoFold.unfold(s, buf, offset, count, rem);
    }
}
