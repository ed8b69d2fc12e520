package dev.ranks.collectives;

/**
 * The extra steps of the recursive-doubling family when the size {@code p} is not a power of two
 * (MPICH's habit): with {@code pof2} the largest power of two below {@code p} and
 * {@code rem = p - pof2}, the first {@code 2·rem} ranks pair up. Even rank {@code 2i} sends its
 * vector to {@code 2i + 1}, which combines them as {@code v(2i) ∘ v(2i+1)}, rank order kept, and
 * takes part as {@code newrank = i}; ranks past the pairs take part as {@code rank - rem}. After the
 * power-of-two algorithm, each odd rank of a pair hands the result back to its even partner.
 *
 * <p>On 7 ranks ({@code pof2 = 4}, {@code rem = 3}): 0→1, 2→3, 4→5 fold; ranks 1, 3, 5, 6 take part
 * as 0, 1, 2, 3; then 1→0, 3→2, 5→4 unfold.
 */
final class PowerOfTwoFold {
    private PowerOfTwoFold() {
    }

    /**
     * Writes the fold step.
     *
     * @param tmp scratch space for {@code count} elements, on ranks that receive
     * @return this rank's number among the {@code pof2} ranks that take part, or -1 if it sits out
     */
    static int fold(Schedule s, Op op, Buf buf, int offset, int count, Buf tmp, int rem) {
        int rank = s.rank();
        if (rank >= 2 * rem) {
            return rank - rem;
        }
        if (rank % 2 == 0) {
            s.send(buf, offset, count, rank + 1);
            s.fence();
            return -1;
        }
        s.recv(tmp, 0, count, rank - 1);
        s.reduce(op, tmp, 0, buf, offset, count, true);
        return rank / 2;
    }

    /** Writes the unfold step: odd ranks of the pairs send the result to their even partners. */
    static void unfold(Schedule s, Buf buf, int offset, int count, int rem) {
        int rank = s.rank();
        if (rank < 2 * rem) {
            s.fence();
            if (rank % 2 == 0) {
                s.recv(buf, offset, count, rank + 1);
            } else {
                s.send(buf, offset, count, rank - 1);
            }
        }
    }

    /** @return the rank that stands for {@code newrank}: the odd rank of a pair, or a rank past the pairs */
    static int realRank(int newrank, int rem) {
        return newrank < rem ? newrank * 2 + 1 : newrank + rem;
    }
}
