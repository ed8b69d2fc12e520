package dev.ranks.gpu.aparapi;

/** Matrix multiply, one work item per element of C, the twin of matmul_naive in kernels.cl. */
final class MatmulNaiveKernel extends MatmulKernel {

    @Override
    public void run() {
        int j = getGlobalId(0);
        int i = getGlobalId(1);
        if (i < n && j < m) {
            float acc = 0.0f;
            for (int p = 0; p < k; p++) {
                acc += a[i * k + p] * b[p * m + j];
            }
            c[i * m + j] = acc;
        }
    }
}
