/**
 * GPU batch runs over ranks: each rank drives a device (rank r uses device r mod devices), rank 0
 * splits the input (row blocks for matmul, chunks for vector kernels), gathers the results, checks
 * them against the single-threaded Java reference and prints transfer, kernel and Java times from the
 * same run. See docs/gpu.md.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.gpu;
