package dev.ranks.collectives;

/**
 * Binomial-tree scatter (MPICH's {@code MPIR_Scatter_intra_binomial}): with ranks renumbered
 * relative to the root ({@code vr = (rank - root) mod p}), the tree is the one of
 * {@link BcastBinomial}, but each message carries only the blocks of the receiver's subtree: rank
 * {@code vr} receives from {@code vr - 2^k}, where {@code 2^k} is the lowest set bit of
 * {@code vr}, the blocks {@code vr .. vr + 2^k - 1} (cut off at {@code p}), keeps block {@code vr}
 * and passes on blocks {@code vr + 2^j ..} to {@code vr + 2^j} for every {@code 2^j < 2^k}, largest
 * first. {@code ceil(log2 p)} rounds, and {@code p - 1} messages in all, as the linear scatter, but
 * the root sends only {@code ceil(log2 p)} of them.
 *
 * <p>The blocks travel in relative order, so a subtree's blocks are contiguous: at a root other
 * than 0 the send buffer is first rotated into relative order in a scratch buffer (block of rank
 * {@code root + i} to slot {@code i}). Intermediate ranks (even {@code vr}) receive their subtree's
 * blocks into a scratch buffer and copy their own block out of it; leaves (odd {@code vr}) receive
 * their single block straight into the receive buffer.
 *
 * <p><b>Requires:</b> uniform counts: every rank must know every block's size to know what it
 * forwards, which {@code scatterv} does not tell the non-root ranks.
 *
 * <p><b>Example on 7 ranks, root 0</b> (blocks named by the rank they are for):
 * <pre>
 * round 1: 0→4 [4 5 6]
 * round 2: 0→2 [2 3]    4→6 [6]
 * round 3: 0→1 [1]      2→3 [3]    4→5 [5]
 * </pre>
 * Seven is not a power of two, so the tree is cut off: rank 4's subtree would be ranks 4–7, but
 * rank 7 does not exist, so rank 4 receives three blocks, not four, and rank 6, which would send to
 * rank 7, sends nothing. With root 3 the same tree runs on relative ranks: rank 3 rotates its
 * blocks to the order 3 4 5 6 0 1 2, then sends [0 1 2] to rank 0 (relative 4), [5 6] to rank 5
 * and [4] to rank 4; rank 0 passes [2] to rank 2 and [1] to rank 1, and rank 5 passes [6] to rank 6.
 */
final class ScatterBinomial {
    private ScatterBinomial() {
    }

    static void schedule(Schedule s, Buf send, int[] counts, int[] displs, Buf recv, int recvOffset, int recvCount,
                         int root) {
        int size = s.size();
        int rank = s.rank();
        int block = counts[rank];
        Checks.fits(block, recvCount, rank, "scatter");
        if (block == 0) {
            return;
        }
        int vr = (rank - root + size) % size;
        // held: the buffer holding this rank's subtree's blocks in relative order, block 0 at base.
        Buf held = null;
        int base = 0;
        int mask = 1;
        if (vr == 0) {
            if (root == 0 && contiguous(displs, block)) {
                held = send;
                base = displs[0];
            } else {
                held = send.allocate(size * block);
                for (int i = 0; i < size; i++) {
                    s.copy(send, displs[(i + root) % size], held, i * block, block);
                }
            }
            while (mask < size) {
                mask <<= 1;
            }
        } else {
            while ((vr & mask) == 0) {
                mask <<= 1;
            }
            int parent = (vr - mask + root) % size;
            if ((vr & 1) == 1) {
                s.recv(recv, recvOffset, block, parent);
                return;
            }
            int subtree = Math.min(mask, size - vr);
            held = recv.allocate(subtree * block);
            s.recv(held, 0, subtree * block, parent);
        }
        s.copy(held, base, recv, recvOffset, block);
        for (mask >>= 1; mask > 0; mask >>= 1) {
            if (vr + mask < size) {
                int blocks = Math.min(mask, size - vr - mask);
                s.send(held, base + mask * block, blocks * block, (vr + mask + root) % size);
            }
        }
    }

    /** @return whether the blocks lie end to end in rank order, so rank 0 can send straight from them */
    static boolean contiguous(int[] displs, int block) {
        for (int i = 1; i < displs.length; i++) {
            if (displs[i] != displs[0] + i * block) {
                return false;
            }
        }
        return true;
    }
}
