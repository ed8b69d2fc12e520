package dev.ranks.gpu.aparapi;

/** Matrix multiply with 16x16 tiles in local memory, the twin of matmul_tiled in kernels.cl. */
final class MatmulTiledKernel extends MatmulKernel {
    @Local
    final float[] as = new float[Kernels.TILE * Kernels.TILE];
    @Local
    final float[] bs = new float[Kernels.TILE * Kernels.TILE];

    @Override
    public void run() {
        int tx = getLocalId(0);
        int ty = getLocalId(1);
        int j = getGroupId(0) * Kernels.TILE + tx;
        int i = getGroupId(1) * Kernels.TILE + ty;
        float acc = 0.0f;
        for (int t = 0; t < k; t += Kernels.TILE) {
            as[ty * Kernels.TILE + tx] = (i < n && t + tx < k) ? a[i * k + t + tx] : 0.0f;
            bs[ty * Kernels.TILE + tx] = (t + ty < k && j < m) ? b[(t + ty) * m + j] : 0.0f;
            localBarrier();
            for (int p = 0; p < Kernels.TILE; p++) {
                acc += as[ty * Kernels.TILE + p] * bs[p * Kernels.TILE + tx];
            }
            localBarrier();
        }
        if (i < n && j < m) {
            c[i * m + j] = acc;
        }
    }
}
