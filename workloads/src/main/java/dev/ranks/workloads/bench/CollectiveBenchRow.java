package dev.ranks.workloads.bench;

/**
 * One message size of a collective benchmark run. Each rank times every call on its own, with a
 * barrier between calls, and takes the mean over the timed calls; the row summarises those
 * per-rank means over the ranks, as the OSU collective benchmarks do. It also gives the time per
 * call of the same number of calls back to back.
 *
 * @param size the message size in bytes
 * @param iterations the timed calls
 * @param avgMicros the per-rank mean time per call, averaged over the ranks, in microseconds
 * @param minMicros the smallest per-rank mean, in microseconds
 * @param maxMicros the largest per-rank mean, in microseconds
 * @param backToBackMicros the time per call of a run of calls with no barrier between them, each
 *     rank's averaged over the ranks, in microseconds: what a program that calls the collective in
 *     a loop sees, where a fast rank may start the next call while a slow one finishes the last
 */
public record CollectiveBenchRow(int size, int iterations, double avgMicros, double minMicros, double maxMicros,
                                 double backToBackMicros) {
}
