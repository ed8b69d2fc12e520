package dev.ranks.collectives;

/**
 * Bruck's alltoall (Bruck, Ho, Kipnis, Upfal and Weathersby, 1997; MPICH's
 * {@code MPIR_Alltoall_intra_brucks}, Open MPI's {@code ompi_coll_base_alltoall_intra_bruck}):
 * {@code ceil(log2 p)} steps for any size, each moving many blocks in one message.
 *
 * <ol>
 * <li>Local rotation: slot {@code i} of a scratch buffer gets the block for rank
 *     {@code (r + i) mod p}, so every block's slot index is the distance it has to travel.
 * <li>For each bit {@code d = 1, 2, 4…} below {@code p}: pack every slot whose index has bit
 *     {@code d} set into one message, send it to {@code r + d}, receive the same slots from
 *     {@code r - d}, and unpack them into those slots. A block in slot {@code i} thus moves by the
 *     bits of {@code i}, {@code i} ranks in all, while keeping its slot index.
 * <li>Inverse rotation: slot {@code i} now holds the block from rank {@code (r - i) mod p}; it
 *     goes to that rank's place in the receive buffer.
 * </ol>
 *
 * <p><b>Requires:</b> the same count on every rank (the slots are equal). Each rank sends
 * {@code ceil(log2 p)} messages of about {@code p/2} blocks: fewer latencies but about
 * {@code (log2 p)/2} times the data of {@link AlltoallPairwise}; the choice for small blocks on
 * larger communicators. Count 0 sends empty messages.
 *
 * <p><b>Example on 7 ranks</b> (3 steps: bits 1, 2, 4; when the size is not a power of two there is
 * no extra step, the last bit just covers fewer slots, here 4, 5, 6 out of 0..6):
 * <pre>
 * rotate: rank r's slot i holds its block for r + i
 * d = 1: slots 1 3 5 go r→r+1:  0→1  1→2  2→3  3→4  4→5  5→6  6→0
 * d = 2: slots 2 3 6 go r→r+2:  0→2  1→3  2→4  3→5  4→6  5→0  6→1
 * d = 4: slots 4 5 6 go r→r+4:  0→4  1→5  2→6  3→0  4→1  5→2  6→3
 * rotate back: rank r's slot i came from rank r - i
 * </pre>
 * Rank 0's block for rank 3 starts in slot 3, goes to rank 1 with d = 1 and on to rank 3 with
 * d = 2, where slot 3 is unrotated to block 0 of rank 3's receive buffer.
 */
final class AlltoallBruck {
    private AlltoallBruck() {
    }

    static void schedule(Schedule s, Buf send, int[] sendCounts, int[] sendDispls, Buf recv, int[] recvCounts,
                         int[] recvDispls) {
        int rank = s.rank();
        int size = s.size();
        int count = sendCounts[rank];
        Checks.fits(count, recvCounts[rank], rank, "alltoall");
        Buf slots = send.allocate(size * count);
        Buf packed = send.allocate((size / 2 + 1) * count);
        Buf arrived = send.allocate((size / 2 + 1) * count);
        s.local(() -> {
            for (int i = 0; i < size; i++) {
                send.copyTo(sendDispls[(rank + i) % size], slots, i * count, count);
            }
        });
        for (int d = 1; d < size; d <<= 1) {
            int bit = d;
            int moved = 0;
            for (int i = 0; i < size; i++) {
                if ((i & bit) != 0) {
                    moved++;
                }
            }
            s.local(() -> move(slots, packed, size, bit, count, true));
            s.recv(arrived, 0, moved * count, (rank - d + size) % size);
            s.send(packed, 0, moved * count, (rank + d) % size);
            s.local(() -> move(slots, arrived, size, bit, count, false));
        }
        s.local(() -> {
            for (int i = 0; i < size; i++) {
                slots.copyTo(i * count, recv, recvDispls[(rank - i + size) % size], count);
            }
        });
    }

    /** Packs the slots whose index has {@code bit} set into {@code message}, or unpacks them from it. */
    private static void move(Buf slots, Buf message, int size, int bit, int count, boolean pack) {
        int at = 0;
        for (int i = 0; i < size; i++) {
            if ((i & bit) != 0) {
                if (pack) {
                    slots.copyTo(i * count, message, at, count);
                } else {
                    message.copyTo(at, slots, i * count, count);
                }
                at += count;
            }
        }
    }
}
