package dev.ranks.collectives;

/**
 * Linear exclusive scan: a chain. Rank {@code r} receives {@code v0 ∘ … ∘ v(r-1)} from rank
 * {@code r - 1}, sends {@code v0 ∘ … ∘ vr} on to rank {@code r + 1}, and keeps what it received.
 * Rank 0's buffer is left unchanged (MPI leaves it undefined).
 *
 * <p><b>Requires:</b> nothing; the chain combines in rank order.
 *
 * <p><b>Example on 7 ranks:</b> 0→1 (v0); rank 1 keeps v0 and sends {@code v0 ∘ v1} to 2; …;
 * rank 6 receives and keeps {@code v0 ∘ … ∘ v5}. Six rounds.
 */
final class ExscanLinear {
    private ExscanLinear() {
    }

    static void schedule(Schedule s, Op op, Buf buf, int offset, int count) {
        int rank = s.rank();
        int size = s.size();
        if (rank == 0) {
            if (size > 1) {
                s.send(buf, offset, count, 1);
            }
            return;
        }
        Buf prefix = buf.allocate(count);
        s.recv(prefix, 0, count, rank - 1);
        if (rank < size - 1) {
            s.reduce(op, prefix, 0, buf, offset, count, true);
            s.fence();
            s.send(buf, offset, count, rank + 1);
        }
        s.copy(prefix, 0, buf, offset, count);
    }
}
