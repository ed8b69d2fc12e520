package dev.ranks.collectives;

/**
 * Allreduce as a reduce to rank 0 followed by a broadcast from it, both binomial trees
 * ({@link ReduceBinomial}, {@link BcastBinomial}): {@code 2·ceil(log2 p)} rounds, each moving the
 * whole vector. The reference that the ring and Rabenseifner algorithms must beat for large vectors.
 *
 * <p><b>Requires:</b> nothing; the binomial reduce combines in rank order.
 *
 * <p><b>Example on 7 ranks:</b> reduce: 1→0, 3→2, 5→4 (round 1), 2→0, 6→4 (round 2), 4→0
 * (round 3); rank 0 holds {@code v0 ∘ … ∘ v6}. Broadcast: 0→4 (round 1), 0→2, 4→6 (round 2),
 * 0→1, 2→3, 4→5 (round 3). Six rounds in all.
 */
final class AllreduceReduceBcast {
    private AllreduceReduceBcast() {
    }

    static void schedule(Schedule s, Op op, Buf send, int sendOffset, Buf buf, int offset, int count) {
        Blocks.inPlace(s, send, sendOffset, buf, offset, count);
        ReduceBinomial.schedule(s, op, buf, offset, count, 0);
        s.fence();
        BcastBinomial.schedule(s, buf, offset, count, 0);
    }
}
