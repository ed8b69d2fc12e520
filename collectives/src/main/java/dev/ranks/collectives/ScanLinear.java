package dev.ranks.collectives;

/**
 * Linear scan: a chain. Rank {@code r} receives the prefix {@code v0 ∘ … ∘ v(r-1)} from rank
 * {@code r - 1}, combines it with its own value on the left, and passes the new prefix to rank
 * {@code r + 1}. {@code p - 1} rounds; only for small communicators or as a reference.
 *
 * <p><b>Requires:</b> nothing; the chain combines in rank order.
 *
 * <p><b>Example on 7 ranks:</b> 0→1 (v0), rank 1 computes {@code v0 ∘ v1} and sends it to 2, …,
 * rank 6 receives {@code v0 ∘ … ∘ v5} and ends with {@code v0 ∘ … ∘ v6}. Six rounds.
 */
final class ScanLinear {
    private ScanLinear() {
    }

    static void schedule(Schedule s, Op op, Buf buf, int offset, int count) {
        int rank = s.rank();
        if (rank > 0) {
            Buf prefix = buf.allocate(count);
            s.recv(prefix, 0, count, rank - 1);
            s.reduce(op, prefix, 0, buf, offset, count, true);
        }
        if (rank < s.size() - 1) {
            s.fence();
            s.send(buf, offset, count, rank + 1);
        }
    }
}
