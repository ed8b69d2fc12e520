package dev.ranks.collectives;

/**
 * Bruck's allgather (Bruck, Ho, Kipnis, Upfal and Weathersby, 1997; MPICH's
 * {@code MPIR_Allgather_intra_brucks}, Open MPI's {@code ompi_coll_base_allgather_intra_bruck}):
 * {@code ceil(log2 p)} steps for any size. Each rank works in a scratch buffer in rotated order,
 * slot {@code i} holding block {@code (r + i) mod p}, starting with its own block in slot 0. In
 * the step at distance {@code d = 1, 2, 4…} rank {@code r} sends its first {@code d} slots to
 * {@code r - d} and receives {@code r + d}'s first {@code d} slots into slots {@code d .. 2d - 1};
 * when {@code p} is not a power of two the last step moves only the {@code p - d} slots still
 * missing. A final local rotation puts slot {@code i} at block {@code (r + i) mod p}'s place.
 *
 * <p><b>Requires:</b> the same count on every rank (the slots are equal). It needs a scratch
 * buffer of the whole result and one extra local copy of it, but only {@code ceil(log2 p)}
 * latencies at any size: the choice for small blocks when the size is not a power of two.
 *
 * <p><b>Example on 7 ranks</b> ({@code bN} is rank N's block), seen from rank 2:
 * <pre>
 * start:                 slots b2
 * d = 1: 2→1, 3→2        slots b2 b3                       (every r sends 1 slot to r - 1)
 * d = 2: 2→0, 4→2        slots b2 b3 b4 b5                 (every r sends 2 slots to r - 2)
 * d = 4: 2→5, 6→2        slots b2 b3 b4 b5 b6 b0 b1        (the extra step: 7 - 4 = 3 slots, not 4)
 * rotate: slot i goes to block (2 + i) mod 7: b0 b1 b2 b3 b4 b5 b6
 * </pre>
 */
final class AllgatherBruck {
    private AllgatherBruck() {
    }

    static void schedule(Schedule s, Buf buf, int[] counts, int[] displs) {
        int size = s.size();
        int rank = s.rank();
        int count = counts[rank];
        Buf slots = buf.allocate(size * count);
        s.copy(buf, displs[rank], slots, 0, count);
        for (int d = 1; d < size; d <<= 1) {
            int moved = Math.min(d, size - d);
            s.recv(slots, d * count, moved * count, (rank + d) % size);
            s.send(slots, 0, moved * count, (rank - d + size) % size);
            s.fence();
        }
        s.local(() -> {
            for (int i = 1; i < size; i++) {
                int block = (rank + i) % size;
                slots.copyTo(i * count, buf, displs[block], count);
            }
        });
    }
}
