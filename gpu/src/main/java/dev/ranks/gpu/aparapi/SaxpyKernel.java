package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;

/** SAXPY, the twin of saxpy in kernels.cl. */
final class SaxpyKernel extends Kernel {
    float alpha;
    float[] x;
    float[] y;
    int n;

    @Override
    public void run() {
        int i = getGlobalId();
        if (i < n) {
            y[i] = alpha * x[i] + y[i];
        }
    }
}
