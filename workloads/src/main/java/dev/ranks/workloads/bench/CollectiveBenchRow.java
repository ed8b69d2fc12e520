package dev.ranks.workloads.bench;

/**
 * One message size of a collective benchmark run. Each rank times every call on its own and takes
 * the mean over the timed calls; the row summarises those per-rank means over the ranks, as the
 * OSU collective benchmarks do.
 *
 * @param size the message size in bytes
 * @param iterations the timed calls
 * @param avgMicros the per-rank mean time per call, averaged over the ranks, in microseconds
 * @param minMicros the smallest per-rank mean, in microseconds
 * @param maxMicros the largest per-rank mean, in microseconds
 */
public record CollectiveBenchRow(int size, int iterations, double avgMicros, double minMicros, double maxMicros) {
}
