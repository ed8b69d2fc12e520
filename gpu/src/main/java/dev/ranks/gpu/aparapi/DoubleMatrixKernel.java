package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;

/** Matrix doubling on a 2-D range, the twin of double_matrix in kernels.cl. */
final class DoubleMatrixKernel extends Kernel {
    float[] m;
    int rows;
    int cols;

    @Override
    public void run() {
        int c = getGlobalId(0);
        int r = getGlobalId(1);
        if (r < rows && c < cols) {
            m[r * cols + c] = m[r * cols + c] * 2.0f;
        }
    }
}
