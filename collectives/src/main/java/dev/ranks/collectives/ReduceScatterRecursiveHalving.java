package dev.ranks.collectives;

/**
 * Recursive-halving reduce-scatter (MPICH's {@code MPIR_Reduce_scatter_intra_recursive_halving}):
 * among {@code pof2} ranks, the largest power of two not above {@code p}, numbered
 * {@code newrank = 0..pof2-1}, with {@code mask = pof2/2, pof2/4, … 1}: a rank and its partner
 * {@code newrank XOR mask} split the run of blocks they are both still responsible for; the lower
 * one keeps the lower half, sends the upper half and combines the partner's copy of the lower
 * half into its own. After {@code log2(pof2)} steps newrank {@code i} holds its block {@code i}
 * combined over every rank.
 *
 * <p>When {@code p} is not a power of two, with {@code rem = p - pof2}, the first {@code 2·rem}
 * ranks first pair up: each even rank sends its whole vector to the odd rank above it, which
 * combines the two and takes part for both ({@code newrank = rank / 2}, responsible for blocks
 * {@code rank - 1} and {@code rank}; the ranks past the pairs are {@code newrank = rank - rem}).
 * At the end each odd rank sends the even rank below it its block.
 *
 * <p><b>Requires:</b> a commutative operation (as MPICH does). Blocks may have any counts, zeros
 * included. Each rank sends about {@code n/2 + n/4 + …} elements in {@code log2(pof2)} messages:
 * fewer rounds than the ring for short and medium vectors.
 *
 * <p><b>Example on 7 ranks</b> ({@code pof2 = 4}, {@code rem = 3}; newranks 0, 1, 2, 3 are ranks
 * 1, 3, 5, 6, responsible for blocks b0b1, b2b3, b4b5, b6):
 * <pre>
 * extra step: 0→1  2→3  4→5 whole vectors    (1 holds v0∘v1, 3 holds v2∘v3, 5 holds v4∘v5)
 * mask 2:     1→5 b4..b6  5→1 b0..b3  3→6 b4..b6  6→3 b0..b3
 * mask 1:     1→3 b2b3  3→1 b0b1  5→6 b6  6→5 b4b5   (1, 3, 5, 6 hold b0b1, b2b3, b4b5, b6)
 * extra step: 1→0 b0  3→2 b2  5→4 b4
 * </pre>
 */
final class ReduceScatterRecursiveHalving {
    private ReduceScatterRecursiveHalving() {
    }

    static void schedule(Schedule s, Op op, Buf work, int[] counts, Buf recv, int recvOffset) {
        int size = s.size();
        int rank = s.rank();
        int[] displs = Blocks.displacements(counts);
        int total = Blocks.total(counts);
        int pof2 = Blocks.floorPowerOfTwo(size);
        int rem = size - pof2;
        Buf tmp = size > 1 ? work.allocate(total) : null;
        int newrank;
        if (rank < 2 * rem) {
            if (rank % 2 == 0) {
                s.send(work, 0, total, rank + 1);
                s.fence();
                newrank = -1;
            } else {
                s.recv(tmp, 0, total, rank - 1);
                s.reduce(op, tmp, 0, work, 0, total, true);
                newrank = rank / 2;
            }
        } else {
            newrank = rank - rem;
        }
        if (newrank >= 0) {
            // Newrank i's blocks start at newStarts[i]: blocks 2i and 2i + 1 for a pair, else block i + rem.
            int[] newStarts = new int[pof2 + 1];
            for (int i = 0; i < pof2; i++) {
                newStarts[i] = i < rem ? displs[2 * i] : displs[i + rem];
            }
            newStarts[pof2] = total;
            int lo = 0;
            int hi = pof2;
            for (int mask = pof2 >> 1; mask > 0; mask >>= 1) {
                int partnerNew = newrank ^ mask;
                int partner = PowerOfTwoFold.realRank(partnerNew, rem);
                int mid = lo + mask;
                boolean lower = newrank < partnerNew;
                int sendLo = lower ? mid : lo;
                int sendHi = lower ? hi : mid;
                if (lower) {
                    hi = mid;
                } else {
                    lo = mid;
                }
                int keep = newStarts[lo];
                int keepCount = newStarts[hi] - keep;
                s.send(work, newStarts[sendLo], newStarts[sendHi] - newStarts[sendLo], partner);
                s.recv(tmp, keep, keepCount, partner);
                s.reduce(op, tmp, keep, work, keep, keepCount, partner < rank);
            }
        }
        if (rank < 2 * rem) {
            if (rank % 2 == 0) {
                s.recv(recv, recvOffset, counts[rank], rank + 1);
            } else {
                s.send(work, displs[rank - 1], counts[rank - 1], rank - 1);
            }
        }
        if (newrank >= 0) {
            s.copy(work, displs[rank], recv, recvOffset, counts[rank]);
        }
    }
}
