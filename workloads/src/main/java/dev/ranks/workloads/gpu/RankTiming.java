package dev.ranks.workloads.gpu;

import dev.ranks.gpu.DeviceInfo;

/**
 * What one rank's device did.
 *
 * @param rank the rank
 * @param device the device it used
 * @param share what part of the input it had, in words (such as {@code rows 0-511})
 * @param transferMillis its host-device copies, in and out
 * @param kernelMillis the best of its repeated kernel runs
 */
public record RankTiming(int rank, DeviceInfo device, String share, double transferMillis, double kernelMillis) {
}
