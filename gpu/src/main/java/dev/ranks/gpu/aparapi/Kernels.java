package dev.ranks.gpu.aparapi;

/**
 * Constants of the kernel catalog in Aparapi's Java subset (one top-level class per kernel, since Aparapi's
 * class reader does not know the nest attributes of nested classes): fields of primitive arrays, {@code run()} per work
 * item, {@code @Local} arrays for work-group memory. Each mirrors its OpenCL C twin in kernels.cl.
 */
final class Kernels {
    /** Work-group size of the 1-D kernels and of the reductions' local arrays. */
    static final int LOCAL = 64;
    /** Tile edge of the tiled matmul. */
    static final int TILE = 16;

    private Kernels() {
    }
}
