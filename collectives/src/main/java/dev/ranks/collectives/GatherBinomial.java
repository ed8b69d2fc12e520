package dev.ranks.collectives;

/**
 * Binomial-tree gather (MPICH's {@code MPIR_Gather_intra_binomial}), the mirror of
 * {@link ScatterBinomial}: with ranks renumbered relative to the root
 * ({@code vr = (rank - root) mod p}), rank {@code vr} collects the blocks of its subtree,
 * {@code vr .. vr + 2^k - 1} (cut off at {@code p}, {@code 2^k} the lowest set bit of {@code vr}),
 * receiving blocks {@code vr + 2^j ..} from {@code vr + 2^j} for every {@code 2^j < 2^k}, then sends
 * them all to {@code vr - 2^k} in one message. {@code ceil(log2 p)} rounds; the root receives
 * {@code ceil(log2 p)} messages instead of {@code p - 1}.
 *
 * <p>Blocks travel in relative order, so a subtree's blocks are contiguous. Leaves (odd
 * {@code vr}) send straight from the send buffer; intermediate ranks gather into a scratch buffer,
 * their own block first. A root other than 0 gathers into a scratch buffer too and un-rotates it at
 * the end (slot {@code i} to the block of rank {@code root + i}); root 0 receives straight into its
 * receive buffer when the blocks lie end to end.
 *
 * <p><b>Requires:</b> uniform counts: a rank must know the size of every block of its subtree to
 * receive it, which {@code gatherv} tells only the root.
 *
 * <p><b>Example on 7 ranks, root 0</b> (blocks named by the rank they come from):
 * <pre>
 * round 1: 1→0 [1]      3→2 [3]    5→4 [5]
 * round 2: 2→0 [2 3]    6→4 [6]
 * round 3: 4→0 [4 5 6]
 * </pre>
 * Seven is not a power of two, so the tree is cut off: rank 6 has no partner at rank 7 and sends
 * its single block in round 2, and rank 4 sends three blocks, not four. Each rank posts the
 * receives from all its children at once and sends to its parent when they have all arrived. With
 * root 3 the same tree runs on relative ranks (rank 0 is relative 4, and so on), and rank 3 ends
 * with its blocks in the order 3 4 5 6 0 1 2, which it copies to their places.
 */
final class GatherBinomial {
    private GatherBinomial() {
    }

    static void schedule(Schedule s, Buf send, int sendOffset, int sendCount, Buf recv, int[] counts, int[] displs,
                         int root) {
        int size = s.size();
        int rank = s.rank();
        int block = sendCount;
        if (rank == root) {
            Checks.fits(block, counts[root], rank, "gather");
        }
        if (block == 0) {
            return;
        }
        int vr = (rank - root + size) % size;
        if ((vr & 1) == 1) {
            s.send(send, sendOffset, block, (vr - 1 + root) % size);
            return;
        }
        int lowest = 1;
        while (lowest < size && (vr & lowest) == 0) {
            lowest <<= 1;
        }
        int subtree = Math.min(lowest, size - vr);
        // held: the buffer collecting this rank's subtree's blocks in relative order, block 0 at base.
        Buf held;
        int base = 0;
        boolean direct = vr == 0 && root == 0 && ScatterBinomial.contiguous(displs, block);
        if (direct) {
            held = recv;
            base = displs[0];
        } else {
            held = send.allocate(subtree * block);
        }
        s.copy(send, sendOffset, held, base, block);
        for (int mask = 1; mask < lowest && vr + mask < size; mask <<= 1) {
            int blocks = Math.min(mask, size - vr - mask);
            s.recv(held, base + mask * block, blocks * block, (vr + mask + root) % size);
        }
        s.fence();
        if (vr != 0) {
            s.send(held, 0, subtree * block, (vr - lowest + root) % size);
        } else if (!direct) {
            for (int i = 0; i < size; i++) {
                s.copy(held, i * block, recv, displs[(i + root) % size], block);
            }
        }
    }
}
