package dev.ranks.collectives;

/**
 * Rabenseifner's allreduce (MPICH's {@code MPIR_Allreduce_intra_reduce_scatter_allgather}): a
 * reduce-scatter by recursive halving, then an allgather by recursive doubling, among
 * {@code pof2} ranks, the largest power of two not above {@code p}. The vector is cut into
 * {@code pof2} pieces. In halving step {@code mask = 1, 2, 4…} a rank and its partner
 * {@code newrank XOR mask} split the run of pieces they are both still responsible for: the lower
 * one keeps the lower half, sends the upper half and combines the partner's copy of the lower half
 * into its own; after {@code log2(pof2)} steps each rank holds one fully combined piece. The
 * doubling steps retrace the halving steps backwards, each rank sending all it holds and
 * receiving the partner's half straight into place.
 *
 * <p>When {@code p} is not a power of two, with {@code rem = p - pof2}, the first {@code 2·rem}
 * ranks first pair up: each even rank sends its whole vector to the odd rank above it, which
 * combines the two and takes part for both ({@code newrank = rank / 2}; the ranks past the pairs
 * are {@code newrank = rank - rem}); at the end the odd rank sends the result back.
 *
 * <p><b>Requires:</b> a commutative operation (as MPICH does; the pieces happen to be combined
 * with the lower ranks on the left, but only commutative operations are promised to work). Each
 * rank sends about {@code 2·n} elements in {@code 2·log2(pof2)} messages: the choice for long
 * vectors on power-of-two sizes. Pieces are cut in (value, index) pairs for {@link Op#MAXLOC}
 * and {@link Op#MINLOC} on arrays; a vector shorter than {@code pof2} leaves some pieces empty.
 *
 * <p><b>Example on 7 ranks</b> ({@code pof2 = 4}, {@code rem = 3}; newranks 0, 1, 2, 3 are ranks
 * 1, 3, 5, 6; pieces q0..q3 of about a quarter of the vector each):
 * <pre>
 * extra step: 0→1  2→3  4→5 whole vectors   (1 holds v0∘v1, 3 holds v2∘v3, 5 holds v4∘v5)
 * halving 1:  1→3 q2q3  3→1 q0q1  5→6 q2q3  6→5 q0q1
 * halving 2:  1→5 q1  5→1 q0  3→6 q3  6→3 q2  (1, 3, 5, 6 hold q0, q2, q1, q3 combined)
 * doubling 2: 1→5 q0  5→1 q1  3→6 q2  6→3 q3
 * doubling 1: 1→3 q0q1  3→1 q2q3  5→6 q0q1  6→5 q2q3
 * extra step: 1→0  3→2  5→4 whole vectors
 * </pre>
 */
final class AllreduceRabenseifner {
    private AllreduceRabenseifner() {
    }

    static void schedule(Schedule s, Op op, Buf send, int sendOffset, Buf buf, int offset, int count) {
        Blocks.inPlace(s, send, sendOffset, buf, offset, count);
        int size = s.size();
        if (size == 1) {
            return;
        }
        int rank = s.rank();
        int pof2 = Blocks.floorPowerOfTwo(size);
        int rem = size - pof2;
        Buf tmp = buf.allocate(count);
        int newrank = PowerOfTwoFold.fold(s, op, buf, offset, count, tmp, rem);
        if (newrank >= 0) {
            exchange(s, op, buf, offset, count, tmp, newrank, pof2, rem);
        }
        PowerOfTwoFold.unfold(s, buf, offset, count, rem);
    }

    /** The halving and doubling steps among the {@code pof2} ranks that take part. */
    private static void exchange(Schedule s, Op op, Buf buf, int offset, int count, Buf tmp, int newrank, int pof2,
                                 int rem) {
        int rank = s.rank();
        int[] pieces = AllreduceRing.segments(op, buf, count, pof2);
        int[] starts = Blocks.displacements(pieces);
        int steps = Integer.numberOfTrailingZeros(pof2);
        // lo[j]..hi[j]: the run of pieces this rank is responsible for before halving step j.
        int[] lo = new int[steps + 1];
        int[] hi = new int[steps + 1];
        hi[0] = pof2;
        for (int j = 0; j < steps; j++) {
            int mask = 1 << j;
            int partnerNew = newrank ^ mask;
            int partner = PowerOfTwoFold.realRank(partnerNew, rem);
            int mid = (lo[j] + hi[j]) / 2;
            boolean lower = newrank < partnerNew;
            lo[j + 1] = lower ? lo[j] : mid;
            hi[j + 1] = lower ? mid : hi[j];
            int sendLo = lower ? mid : lo[j];
            int sendHi = lower ? hi[j] : mid;
            int keep = starts[lo[j + 1]];
            int keepCount = span(starts, pieces, lo[j + 1], hi[j + 1]);
            s.send(buf, offset + starts[sendLo], span(starts, pieces, sendLo, sendHi), partner);
            s.recv(tmp, keep, keepCount, partner);
            s.reduce(op, tmp, keep, buf, offset + keep, keepCount, partner < rank);
        }
        for (int j = steps - 1; j >= 0; j--) {
            int partner = PowerOfTwoFold.realRank(newrank ^ (1 << j), rem);
            boolean lower = lo[j + 1] == lo[j];
            int otherLo = lower ? hi[j + 1] : lo[j];
            int otherHi = lower ? hi[j] : lo[j + 1];
            s.send(buf, offset + starts[lo[j + 1]], span(starts, pieces, lo[j + 1], hi[j + 1]), partner);
            s.recv(buf, offset + starts[otherLo], span(starts, pieces, otherLo, otherHi), partner);
            s.fence();
        }
    }

    /** @return the number of elements in pieces {@code from..to-1} */
    private static int span(int[] starts, int[] pieces, int from, int to) {
        return from == to ? 0 : starts[to - 1] + pieces[to - 1] - starts[from];
    }
}
