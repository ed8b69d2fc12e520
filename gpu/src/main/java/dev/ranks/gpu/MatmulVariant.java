package dev.ranks.gpu;

/** How {@link Device#matmul} multiplies: the two kernels of the cookbook's matrix recipes. */
public enum MatmulVariant {
    /** One work item per element of C, reading A's row and B's column from global memory. */
    NAIVE,
    /** Work groups stage 16×16 tiles of A and B in local (shared) memory and reuse each 16 times. */
    TILED
}
