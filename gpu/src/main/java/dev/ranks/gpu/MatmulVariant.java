package dev.ranks.gpu;

/** How {@link Device#matmul} multiplies: the two kernels of the cookbook's matrix recipes, and a blocked one. */
public enum MatmulVariant {
    /** One work item per element of C, reading A's row and B's column from global memory. */
    NAIVE,
    /** Work groups stage 16×16 tiles of A and B in local (shared) memory and reuse each 16 times. */
    TILED,
    /**
     * Tiled with register blocking: a 16×16 work group computes a 64×64 block of C, each work item 4×4
     * of it, so each value read from local memory feeds four multiply-adds. OpenCL and CUDA have their
     * own kernel; Aparapi and Java run their tiled one.
     */
    BLOCKED
}
