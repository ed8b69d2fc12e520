package dev.ranks.collectives;

import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The element loops of {@link Op#apply}. SUM, MAX and MIN on {@code double[] long[] int[]} have
 * loops of their own: a loop through a function object shared by every operation is a megamorphic
 * call per element, several times slower than the plain loop the JIT vectorises.
 */
final class Kernels {
    private Kernels() {
    }

    static void doubles(Op op, DoubleBinaryOperator f, double[] a, int ao, double[] b, int bo, int n, boolean aLeft) {
        switch (op.code()) {
            case 1 -> {
                // IEEE addition is commutative, so the operands' order needs no branch, which would keep
                // the JIT from vectorising the loop (2.4x slower at 1024 elements, bin/bench-jmh Reduction)
                for (int i = 0; i < n; i++) {
                    b[bo + i] += a[ao + i];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = Math.max(a[ao + i], b[bo + i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = Math.min(a[ao + i], b[bo + i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = aLeft ? f.applyAsDouble(a[ao + i], b[bo + i]) : f.applyAsDouble(b[bo + i], a[ao + i]);
                }
            }
        }
    }

    static void longs(Op op, LongBinaryOperator f, long[] a, int ao, long[] b, int bo, int n, boolean aLeft) {
        switch (op.code()) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] += a[ao + i];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = Math.max(a[ao + i], b[bo + i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = Math.min(a[ao + i], b[bo + i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = aLeft ? f.applyAsLong(a[ao + i], b[bo + i]) : f.applyAsLong(b[bo + i], a[ao + i]);
                }
            }
        }
    }

    static void ints(Op op, IntBinaryOperator f, int[] a, int ao, int[] b, int bo, int n, boolean aLeft) {
        switch (op.code()) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] += a[ao + i];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = Math.max(a[ao + i], b[bo + i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = Math.min(a[ao + i], b[bo + i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    b[bo + i] = aLeft ? f.applyAsInt(a[ao + i], b[bo + i]) : f.applyAsInt(b[bo + i], a[ao + i]);
                }
            }
        }
    }

    static void floats(DoubleBinaryOperator f, float[] a, int ao, float[] b, int bo, int n, boolean aLeft) {
        for (int i = 0; i < n; i++) {
            b[bo + i] = (float) (aLeft ? f.applyAsDouble(a[ao + i], b[bo + i]) : f.applyAsDouble(b[bo + i], a[ao + i]));
        }
    }

    static void shorts(IntBinaryOperator f, short[] a, int ao, short[] b, int bo, int n, boolean aLeft) {
        for (int i = 0; i < n; i++) {
            b[bo + i] = (short) (aLeft ? f.applyAsInt(a[ao + i], b[bo + i]) : f.applyAsInt(b[bo + i], a[ao + i]));
        }
    }

    static void bytes(IntBinaryOperator f, byte[] a, int ao, byte[] b, int bo, int n, boolean aLeft) {
        for (int i = 0; i < n; i++) {
            b[bo + i] = (byte) (aLeft ? f.applyAsInt(a[ao + i], b[bo + i]) : f.applyAsInt(b[bo + i], a[ao + i]));
        }
    }

    static void chars(IntBinaryOperator f, char[] a, int ao, char[] b, int bo, int n, boolean aLeft) {
        for (int i = 0; i < n; i++) {
            b[bo + i] = (char) (aLeft ? f.applyAsInt(a[ao + i], b[bo + i]) : f.applyAsInt(b[bo + i], a[ao + i]));
        }
    }

    /**
     * MAXLOC ({@code sign} 1) and MINLOC ({@code sign} -1) over (value, index) pairs: the better
     * value wins; on a tie the lower index.
     */
    static void location(int sign, Buf in, int ao, Buf inout, int bo, int n, boolean aLeft) {
        for (int i = 0; i < n; i += 2) {
            int cmp = compare(in, ao + i, inout, bo + i) * sign;
            boolean takeA = cmp > 0 || (cmp == 0 && compare(in, ao + i + 1, inout, bo + i + 1) < 0);
            if (takeA) {
                in.copyTo(ao + i, inout, bo + i, 2);
            }
        }
    }

    private static int compare(Buf a, int i, Buf b, int j) {
        return switch (a.type) {
            case INT -> Integer.compare(((int[]) a.array)[i], ((int[]) b.array)[j]);
            case LONG -> Long.compare(((long[]) a.array)[i], ((long[]) b.array)[j]);
            case FLOAT -> Float.compare(((float[]) a.array)[i], ((float[]) b.array)[j]);
            case DOUBLE -> Double.compare(((double[]) a.array)[i], ((double[]) b.array)[j]);
            default -> throw new IllegalStateException(a.describe());
        };
    }
}
