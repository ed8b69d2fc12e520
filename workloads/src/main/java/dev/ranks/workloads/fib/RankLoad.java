package dev.ranks.workloads.fib;

/**
 * What one rank of a fib run was given and how long it worked.
 *
 * @param rank the rank
 * @param inputs how many distinct inputs it computed
 * @param predictedMillis the load {@link CostModel} predicted for them, in milliseconds
 * @param busyMillis the CPU time it spent computing them, in milliseconds
 */
public record RankLoad(int rank, int inputs, double predictedMillis, double busyMillis) {
}
