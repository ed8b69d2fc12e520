package dev.ranks.collectives;

/**
 * Ring allreduce (Open MPI's {@code ompi_coll_base_allreduce_intra_ring}, MPICH's
 * {@code MPIR_Allreduce_intra_ring}): the vector is cut into {@code p} segments; a reduce-scatter
 * of {@code p - 1} steps around the ring leaves rank {@code r} with segment {@code (r + 1) mod p}
 * fully combined, then an allgather of {@code p - 1} steps around the ring hands every segment to
 * every rank. In reduce-scatter step {@code k} rank {@code r} sends segment {@code (r - k) mod p}
 * to {@code r + 1} and receives segment {@code (r - k - 1) mod p} from {@code r - 1}, then combines
 * it with its own contribution to that segment, which it sends on in the next step. When the
 * call is not in place, the partial result arrives straight in its place in the result and the
 * rank's own contribution is read from the send buffer, so there is no scratch space and no first
 * copy of the whole vector; in place, it arrives in a scratch segment.
 * In allgather step {@code k} it sends segment {@code (r + 1 - k) mod p} and receives segment
 * {@code (r - k) mod p} straight into its place in the result.
 *
 * <p><b>Requires:</b> a commutative operation: segment {@code j} is combined starting at rank
 * {@code j}, around the ring, not in rank order. Each rank sends and receives
 * {@code 2(p - 1)/p} of the vector in all, against {@code log2 p} whole vectors for the tree
 * algorithms: the choice for long vectors at any size. Segments are cut in (value, index) pairs
 * for {@link Op#MAXLOC} and {@link Op#MINLOC} on arrays; a vector shorter than {@code p} leaves
 * some segments empty.
 *
 * <p><b>Example on 7 ranks</b> ({@code sN} is segment N; {@code +} marks a combination; there is
 * no extra step when the size is not a power of two):
 * <pre>
 * reduce-scatter
 * step 0: 0→1 s0  1→2 s1  2→3 s2  3→4 s3  4→5 s4  5→6 s5  6→0 s6   (1 holds v0+v1 of s0 …)
 * step 1: 0→1 s6  1→2 s0  2→3 s1  3→4 s2  4→5 s3  5→6 s4  6→0 s5   (2 holds v0+v1+v2 of s0 …)
 * ...
 * step 5: 0→1 s2  1→2 s3  2→3 s4  3→4 s5  4→5 s6  5→6 s0  6→0 s1   (rank r holds all of s(r+1))
 * allgather
 * step 0: 0→1 s1  1→2 s2  2→3 s3  3→4 s4  4→5 s5  5→6 s6  6→0 s0
 * ...
 * step 5: 0→1 s3  1→2 s4  2→3 s5  3→4 s6  4→5 s0  5→6 s1  6→0 s2
 * </pre>
 */
final class AllreduceRing {
    private AllreduceRing() {
    }

    static void schedule(Schedule s, Op op, Buf send, int sendOffset, Buf buf, int offset, int count) {
        int size = s.size();
        if (size == 1) {
            Blocks.inPlace(s, send, sendOffset, buf, offset, count);
            return;
        }
        int rank = s.rank();
        int[] sizes = segments(op, buf, count, size);
        int[] starts = Blocks.displacements(sizes);
        int right = (rank + 1) % size;
        int left = (rank - 1 + size) % size;
        if (send == null) {
            Buf scratch = buf.allocate(sizes[0]);
            for (int k = 0; k < size - 1; k++) {
                int out = (rank - k + size) % size;
                int in = (rank - k - 1 + size) % size;
                s.recv(scratch, 0, sizes[in], left);
                s.send(buf, offset + starts[out], sizes[out], right);
                s.reduce(op, scratch, 0, buf, offset + starts[in], sizes[in], true);
            }
        } else {
            // Not in place: partial results arrive straight in their place in buf and this rank's
            // own part is combined in from send, so neither a scratch segment nor a first copy of
            // the whole vector into buf is needed. Segment r, never combined here, arrives whole
            // in the first allgather step.
            for (int k = 0; k < size - 1; k++) {
                int out = (rank - k + size) % size;
                int in = (rank - k - 1 + size) % size;
                s.recv(buf, offset + starts[in], sizes[in], left);
                if (k == 0) {
                    s.send(send, sendOffset + starts[out], sizes[out], right);
                } else {
                    s.send(buf, offset + starts[out], sizes[out], right);
                }
                s.reduce(op, send, sendOffset + starts[in], buf, offset + starts[in], sizes[in], false);
            }
        }
        for (int k = 0; k < size - 1; k++) {
            int out = (rank + 1 - k + size) % size;
            int in = (rank - k + size) % size;
            s.recv(buf, offset + starts[in], sizes[in], left);
            s.send(buf, offset + starts[out], sizes[out], right);
            s.fence();
        }
    }

    /**
     * Splits {@code count} elements into {@code parts} nearly equal segments, in units of two
     * elements for an operation on (value, index) pairs of a primitive array, so that no pair is
     * cut ({@link Loc} objects are one element each).
     */
    static int[] segments(Op op, Buf buf, int count, int parts) {
        int unit = op.pairs(buf) ? 2 : 1;
        int[] sizes = Blocks.split(count / unit, parts);
        for (int i = 0; i < parts; i++) {
            sizes[i] *= unit;
        }
        return sizes;
    }
}
