package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;

/** The arguments both matrix multiply kernels take: C (n × m) = A (n × k) B (k × m), row-major. */
abstract class MatmulKernel extends Kernel {
    float[] a;
    float[] b;
    float[] c;
    int n;
    int k;
    int m;
}
