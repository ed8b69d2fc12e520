package dev.ranks.collectives;

/**
 * Recursive-doubling allgather (MPICH's {@code MPIR_Allgather_intra_recursive_doubling}, Open
 * MPI's {@code ompi_coll_base_allgather_intra_recursivedoubling}): {@code log2 p} exchanges; in
 * the exchange at distance {@code d = 1, 2, 4…} rank {@code r} swaps with {@code r XOR d} the
 * {@code d} blocks it holds, which are the contiguous range starting at block
 * {@code r & ~(d - 1)}, and receives its partner's {@code d} blocks straight into their places.
 * The number of blocks a rank holds doubles with each exchange.
 *
 * <p><b>Requires:</b> a power-of-two size and the same count on every rank, with the blocks laid
 * end to end (the uniform form, which is how {@link Intracomm} calls it): every range is then one
 * message. Latency {@code log2 p} messages, against the ring's {@code p - 1}: the choice for small
 * blocks on power-of-two communicators; {@link AllgatherBruck} covers the other sizes.
 *
 * <p><b>Example:</b> 7 ranks are refused (forcing it there is an error naming the power-of-two
 * requirement; the selector picks Bruck's algorithm instead). On 8 ranks ({@code bN} is rank N's
 * block):
 * <pre>
 * d = 1: 0↔1  2↔3  4↔5  6↔7   each swaps 1 block:  0 sends b0, receives b1
 * d = 2: 0↔2  1↔3  4↔6  5↔7   each swaps 2 blocks: 0 sends b0-b1, receives b2-b3
 * d = 4: 0↔4  1↔5  2↔6  3↔7   each swaps 4 blocks: 0 sends b0-b3, receives b4-b7
 * </pre>
 */
final class AllgatherRecursiveDoubling {
    private AllgatherRecursiveDoubling() {
    }

    static void schedule(Schedule s, Buf buf, int[] counts, int[] displs) {
        int rank = s.rank();
        int count = counts[rank];
        for (int d = 1; d < s.size(); d <<= 1) {
            int partner = rank ^ d;
            int mine = rank & ~(d - 1);
            int theirs = partner & ~(d - 1);
            s.recv(buf, displs[theirs], d * count, partner);
            s.send(buf, displs[mine], d * count, partner);
            s.fence();
        }
    }
}
