package dev.ranks.collectives;

/**
 * Van de Geijn's broadcast for large messages (MPICH's
 * {@code MPIR_Bcast_intra_scatter_ring_allgather}): the buffer is split into {@code p} nearly
 * equal pieces ({@link Blocks#split}); a binomial scatter relative to the root
 * ({@code vr = (rank - root) mod p}, the tree of {@link ScatterBinomial}) leaves piece {@code vr} at
 * relative rank {@code vr}; then a ring allgather passes the pieces on: in step {@code i}
 * ({@code 1 .. p-1}) every rank sends piece {@code vr - i + 1} to its right neighbour and receives
 * piece {@code vr - i} from its left, all mod {@code p}. Each rank sends and receives about
 * {@code 2n} elements in all, against {@code n log2 p} through the root of {@link BcastBinomial},
 * at the price of {@code log2 p + p - 1} message latencies.
 *
 * <p>Everything happens in place in the buffer: piece {@code i} is always the same slice, so a
 * subtree's pieces are contiguous without any rotation. A message whose pieces are all empty
 * (fewer elements than ranks) is not sent; both ends know its size, so neither posts it. The root
 * holds every piece from the start, so its left neighbour sends it nothing in the ring (MPICH sends
 * the pieces anyway and the root overwrites its buffer with its own data).
 *
 * <p><b>Requires:</b> nothing.
 *
 * <p><b>Example on 7 ranks, root 0, 14 elements</b> (pieces P0–P6 of 2 elements; piece
 * {@code i} ends at rank {@code i}):
 * <pre>
 * scatter round 1: 0→4 [P4 P5 P6]
 * scatter round 2: 0→2 [P2 P3]    4→6 [P6]
 * scatter round 3: 0→1 [P1]       2→3 [P3]    4→5 [P5]
 * ring step 1:     0→1 P0  1→2 P1  2→3 P2  3→4 P3  4→5 P4  5→6 P5  (6→0 P6 skipped: the root has it)
 * ring step 2:     0→1 P6  1→2 P0  2→3 P1  3→4 P2  4→5 P3  5→6 P4
 * …
 * ring step 6:     0→1 P2  1→2 P3  2→3 P4  3→4 P5  4→5 P6  5→6 P0
 * </pre>
 * Seven is not a power of two, so the scatter tree is cut off as in {@link ScatterBinomial}: rank 4
 * receives three pieces, not four. With root 3, rank 3 + i (mod 7) plays relative rank i and
 * ends the scatter with piece i. With 5 elements on 7 ranks, pieces P5 and P6 are empty, so the
 * message 4→6 is not sent, 0→4 carries P4 only, and ring steps move nothing for the empty pieces.
 */
final class BcastScatterAllgather {
    private BcastScatterAllgather() {
    }

    static void schedule(Schedule s, Buf buf, int offset, int count, int root) {
        int size = s.size();
        int rank = s.rank();
        int vr = (rank - root + size) % size;
        // starts[i]: where piece i begins; starts[size]: the end of the data.
        int[] starts = new int[size + 1];
        int[] pieces = Blocks.split(count, size);
        starts[0] = offset;
        for (int i = 0; i < size; i++) {
            starts[i + 1] = starts[i] + pieces[i];
        }

        int mask = 1;
        if (vr == 0) {
            while (mask < size) {
                mask <<= 1;
            }
        } else {
            while ((vr & mask) == 0) {
                mask <<= 1;
            }
            int end = Math.min(vr + mask, size);
            if (starts[end] > starts[vr]) {
                s.recv(buf, starts[vr], starts[end] - starts[vr], (vr - mask + root) % size);
                s.fence();
            }
        }
        for (mask >>= 1; mask > 0; mask >>= 1) {
            int child = vr + mask;
            if (child < size) {
                int end = Math.min(child + mask, size);
                if (starts[end] > starts[child]) {
                    s.send(buf, starts[child], starts[end] - starts[child], (child + root) % size);
                }
            }
        }

        int left = (rank - 1 + size) % size;
        int right = (rank + 1) % size;
        for (int step = 1; step < size; step++) {
            int out = (vr - step + 1 + size) % size;
            int in = (vr - step + size) % size;
            if (vr != 0 && pieces[in] > 0) {
                s.recv(buf, starts[in], pieces[in], left);
            }
            if (vr != size - 1 && pieces[out] > 0) {
                s.send(buf, starts[out], pieces[out], right);
            }
            s.fence();
        }
    }
}
