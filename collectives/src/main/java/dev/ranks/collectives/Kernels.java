package dev.ranks.collectives;

import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The element loops of {@link Op#apply}. SUM, MAX and MIN on {@code double[] long[] int[]} have
 * loops of their own: a loop through a function object shared by every operation is a megamorphic
 * call per element, several times slower than the plain loop the JIT vectorises.
 * <p>
 * Each of those loops comes twice. Where both ranges start at the same offset, one index walks both
 * arrays and Java 17's C2 vectorises the loop; with two offsets it cannot rule out that the arrays are
 * one array whose ranges overlap, and leaves the loop scalar: about 4 times slower at 1,024 doubles
 * ({@code bin/bench-jmh ReductionBenchmark}, 312 ns against the plain loop's 71 ns, 2026-12-07).
 * Whole arrays, and the segments a segmented allreduce combines, take the fast form.
 */
final class Kernels {
    private Kernels() {
    }

    static void doubles(Op op, DoubleBinaryOperator f, double[] a, int ao, double[] b, int bo, int n, boolean aLeft) {
        switch (op.code()) {
            case 1 -> {
                // IEEE addition is commutative: the operands' order (aLeft) changes nothing
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] += a[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] += a[ao + i];
                    }
                }
            }
            case 2 -> {
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] = Math.max(a[i], b[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] = Math.max(a[ao + i], b[bo + i]);
                    }
                }
            }
            case 3 -> {
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] = Math.min(a[i], b[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] = Math.min(a[ao + i], b[bo + i]);
                    }
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
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] += a[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] += a[ao + i];
                    }
                }
            }
            case 2 -> {
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] = Math.max(a[i], b[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] = Math.max(a[ao + i], b[bo + i]);
                    }
                }
            }
            case 3 -> {
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] = Math.min(a[i], b[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] = Math.min(a[ao + i], b[bo + i]);
                    }
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
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] += a[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] += a[ao + i];
                    }
                }
            }
            case 2 -> {
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] = Math.max(a[i], b[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] = Math.max(a[ao + i], b[bo + i]);
                    }
                }
            }
            case 3 -> {
                if (ao == bo) {
                    for (int i = ao, end = ao + n; i < end; i++) {
                        b[i] = Math.min(a[i], b[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[bo + i] = Math.min(a[ao + i], b[bo + i]);
                    }
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
