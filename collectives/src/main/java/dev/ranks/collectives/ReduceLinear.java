package dev.ranks.collectives;

/**
 * Linear reduce: every rank sends its vector to the root, which combines them in rank order,
 * {@code ((v0 ∘ v1) ∘ v2) ∘ …} (Open MPI's {@code basic_linear}).
 *
 * <p><b>Requires:</b> nothing; rank order makes it correct for non-commutative operations.
 *
 * <p><b>Example on 7 ranks, root 5:</b> ranks 0–4 and 6 send to rank 5, which receives the six
 * vectors into a scratch area of 7 slots (its own in slot 5), then folds slot 0 with 1, the result
 * with 2, … with 6, and copies the result to its buffer. One round of 6 messages; the root does all
 * 6 combinations, against 3 levels in the binomial tree ({@link ReduceBinomial}).
 */
final class ReduceLinear {
    private ReduceLinear() {
    }

    static void schedule(Schedule s, Op op, Buf buf, int offset, int count, int root) {
        int rank = s.rank();
        int size = s.size();
        if (rank != root) {
            s.send(buf, offset, count, root);
            return;
        }
        Buf slots = buf.allocate(size * count);
        s.copy(buf, offset, slots, root * count, count);
        for (int i = 0; i < size; i++) {
            if (i != root) {
                s.recv(slots, i * count, count, i);
            }
        }
        s.fence();
        for (int i = 1; i < size; i++) {
            s.reduce(op, slots, i * count, slots, 0, count, false);
        }
        s.copy(slots, 0, buf, offset, count);
    }
}
