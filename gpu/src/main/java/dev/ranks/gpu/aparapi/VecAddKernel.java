package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;

/** Vector add, the twin of vec_add in kernels.cl. */
final class VecAddKernel extends Kernel {
    float[] a;
    float[] b;
    float[] c;
    int n;

    @Override
    public void run() {
        int i = getGlobalId();
        if (i < n) {
            c[i] = a[i] + b[i];
        }
    }
}
