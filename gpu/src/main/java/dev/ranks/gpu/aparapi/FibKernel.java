package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;

/**
 * Fast doubling over all 64 bits of n: leading zero bits leave (F(0), F(1)) as they are, so no
 * count-leading-zeros is needed; {@code & 1} makes the shift's sign fill irrelevant.
 */
final class FibKernel extends Kernel {
    long[] n;
    long[] out;
    int count;

    @Override
    public void run() {
        int i = getGlobalId();
        if (i < count) {
            long v = n[i];
            long a = 0;
            long b = 1;
            for (int bit = 63; bit >= 0; bit--) {
                long c = a * (2 * b - a);
                long d = a * a + b * b;
                if (((v >> bit) & 1) == 0) {
                    a = c;
                    b = d;
                } else {
                    a = d;
                    b = c + d;
                }
            }
            out[i] = a;
        }
    }
}
