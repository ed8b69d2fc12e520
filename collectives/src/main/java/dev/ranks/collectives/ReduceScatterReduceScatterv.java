package dev.ranks.collectives;

/**
 * Reduce-scatter as a binomial reduce of the whole vector to rank 0 ({@link ReduceBinomial}),
 * then a linear scatterv of the blocks ({@link ScatterLinear}). MPICH's choice for non-commutative
 * operations.
 *
 * <p><b>Requires:</b> nothing; the reduce combines in rank order.
 *
 * <p><b>Example on 7 ranks, counts 2, 1, 1, 1, 1, 1, 1:</b> the binomial reduce takes 3 rounds
 * (1→0, 3→2, 5→4; 2→0, 6→4; 4→0) and leaves all 8 reduced elements on rank 0; rank 0 keeps
 * elements 0–1 and sends element 2 to rank 1, 3 to rank 2, … 7 to rank 6.
 */
final class ReduceScatterReduceScatterv {
    private ReduceScatterReduceScatterv() {
    }

    static void schedule(Schedule s, Op op, Buf work, int[] counts, Buf recv, int recvOffset) {
        int[] displs = Blocks.displacements(counts);
        int total = displs[counts.length - 1] + counts[counts.length - 1];
        ReduceBinomial.schedule(s, op, work, 0, total, 0);
        s.fence();
        ScatterLinear.schedule(s, work, counts, displs, recv, recvOffset, counts[s.rank()], 0);
    }
}
