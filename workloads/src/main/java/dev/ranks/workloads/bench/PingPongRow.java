package dev.ranks.workloads.bench;

/**
 * One message size of a ping-pong run.
 *
 * @param size the message size in bytes
 * @param iterations the timed round trips
 * @param latencyMicros the one-way latency: the median round-trip time over the timed round trips,
 *     halved, in microseconds
 * @param bandwidthMiBps {@code 2 * size} over the median round-trip time, in MiB (2<sup>20</sup>
 *     bytes) per second
 * @param copyMiBps what {@code System.arraycopy} of {@code size} bytes reaches on rank 0 in the same
 *     run, in MiB per second: the limit of a transport that copies once
 */
public record PingPongRow(int size, int iterations, double latencyMicros, double bandwidthMiBps, double copyMiBps) {
}
