package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;

/** One reduction stage, the twin of reduce_sum and reduce_max in kernels.cl; {@code max != 0} selects max. */
final class ReduceKernel extends Kernel {
    float[] in;
    int n;
    float[] partial;
    int max;
    @Local
    final float[] scratch = new float[Kernels.LOCAL];

    @Override
    public void run() {
        int lid = getLocalId();
        float acc = max != 0 ? Float.NEGATIVE_INFINITY : 0.0f;
        for (int i = getGlobalId(); i < n; i += getGlobalSize()) {
            acc = max != 0 ? max(acc, in[i]) : acc + in[i];
        }
        scratch[lid] = acc;
        localBarrier();
        for (int s = Kernels.LOCAL / 2; s > 0; s = s / 2) {
            if (lid < s) {
                scratch[lid] = max != 0 ? max(scratch[lid], scratch[lid + s]) : scratch[lid] + scratch[lid + s];
            }
            localBarrier();
        }
        if (lid == 0) {
            partial[getGroupId()] = scratch[0];
        }
    }
}
