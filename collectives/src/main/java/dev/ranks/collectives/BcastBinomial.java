package dev.ranks.collectives;

/**
 * Binomial-tree broadcast (MPICH's {@code MPIR_Bcast_intra_binomial}): with ranks renumbered
 * relative to the root ({@code vr = (rank - root) mod p}), rank {@code vr} receives from
 * {@code vr - 2^k}, where {@code 2^k} is the lowest set bit of {@code vr}, then sends to
 * {@code vr + 2^j} for every {@code 2^j < 2^k} with {@code vr + 2^j < p}, largest first.
 * {@code ceil(log2 p)} rounds; the number of ranks holding the data doubles each round.
 *
 * <p><b>Requires:</b> nothing; sizes that are not powers of two just prune the tree.
 *
 * <p><b>Example on 7 ranks, root 0:</b>
 * <pre>
 * round 1: 0→4
 * round 2: 0→2  4→6
 * round 3: 0→1  2→3  4→5        (6 + 1 = 7 is past the end: rank 6 sends nothing)
 * </pre>
 * With root 3 the same tree is used on relative ranks: 3→0 (relative 4), then 3→5, 0→2, then
 * 3→4, 5→6, 0→1. Every message carries the whole buffer, so for large buffers
 * {@link BcastScatterAllgather} moves less data per rank.
 */
final class BcastBinomial {
    private BcastBinomial() {
    }

    static void schedule(Schedule s, Buf buf, int offset, int count, int root) {
        int size = s.size();
        int vr = (s.rank() - root + size) % size;
        int mask = 1;
        while (mask < size) {
            if ((vr & mask) != 0) {
                s.recv(buf, offset, count, (vr - mask + root) % size);
                s.fence();
                break;
            }
            mask <<= 1;
        }
        for (mask >>= 1; mask > 0; mask >>= 1) {
            if (vr + mask < size) {
                s.send(buf, offset, count, (vr + mask + root) % size);
            }
        }
    }
}
