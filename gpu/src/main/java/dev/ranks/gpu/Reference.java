package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/**
 * The kernel catalog as plain single-threaded Java loops: what every backend's results are checked
 * against, and the "Java time" the launcher's GPU commands print beside a backend's.
 */
public final class Reference {
    private Reference() {
    }

    /**
     * Vector add.
     *
     * @param a the first addend
     * @param b the second addend, as long as {@code a}
     * @return {@code a[i] + b[i]}
     */
    public static float[] vecAdd(float[] a, float[] b) {
        float[] c = new float[a.length];
        vecAdd(a, b, c);
        return c;
    }

    /**
     * Vector add into an array the caller owns, so that a timing leaves out the allocation.
     *
     * @param a the first addend
     * @param b the second addend, as long as {@code a}
     * @param c the result, as long as {@code a}
     */
    public static void vecAdd(float[] a, float[] b, float[] c) {
        sameLength("vecAdd", a.length, b.length);
        sameLength("vecAdd", a.length, c.length);
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
    }

    /**
     * SAXPY.
     *
     * @param alpha the scale
     * @param x the scaled vector
     * @param y the added vector, as long as {@code x}; not changed
     * @return {@code alpha * x[i] + y[i]}
     */
    public static float[] saxpy(float alpha, float[] x, float[] y) {
        sameLength("saxpy", x.length, y.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = alpha * x[i] + y[i];
        }
        return out;
    }

    /**
     * An element-wise kernel.
     *
     * @param kernel the expression
     * @param inputs one array per input, of the kernel's type, all of one length
     * @return the output, a {@code float[]} or {@code double[]}
     */
    public static Object elementwise(Elementwise kernel, Object... inputs) {
        if (inputs.length != kernel.inputs().size()) {
            throw new RanksException(ErrorClass.ARG, "elementwise \"" + kernel.source() + "\": got " + inputs.length
                    + " inputs, expected " + kernel.inputs().size());
        }
        int n = inputs.length == 0 ? 0 : ElementType.lengthOf(inputs[0]);
        for (Object input : inputs) {
            if (ElementType.of(input) != kernel.type()) {
                throw new RanksException(ErrorClass.ARG, "elementwise: an input holds " + ElementType.of(input).javaName()
                        + ": expected " + kernel.type().javaName());
            }
            sameLength("elementwise", n, ElementType.lengthOf(input));
        }
        Object out = kernel.type() == ElementType.FLOAT ? new float[n] : new double[n];
        kernel.evaluate(out, inputs, 0, n);
        return out;
    }

    /**
     * Matrix doubling.
     *
     * @param matrix the elements, in any order
     * @return each element times two
     */
    public static float[] doubleMatrix(float[] matrix) {
        float[] out = new float[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = matrix[i] * 2;
        }
        return out;
    }

    /**
     * Matrix multiply in i-k-j order, the cache-friendly loop, accumulating each element of C in the
     * order of k as the device kernels do.
     *
     * @param a A, {@code n × k} row-major
     * @param b B, {@code k × m} row-major
     * @param n rows of A
     * @param k columns of A, rows of B
     * @param m columns of B
     * @return C = A B, {@code n × m} row-major
     */
    public static float[] matmul(float[] a, float[] b, int n, int k, int m) {
        if ((long) n * k != a.length || (long) k * m != b.length) {
            throw new RanksException(ErrorClass.ARG, "matmul: A has " + a.length + " and B " + b.length
                    + " elements: expected " + n + "x" + k + " and " + k + "x" + m);
        }
        float[] c = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int row = p * m;
                int out = i * m;
                for (int j = 0; j < m; j++) {
                    c[out + j] += aip * b[row + j];
                }
            }
        }
        return c;
    }

    /**
     * The sum, accumulated in double.
     *
     * @param x the elements
     * @return their sum; 0 for none
     */
    public static double sum(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        return sum;
    }

    /**
     * The largest element.
     *
     * @param x at least one element
     * @return the largest
     * @throws RanksException ({@code ARG}) for an empty array
     */
    public static double max(float[] x) {
        if (x.length == 0) {
            throw new RanksException(ErrorClass.ARG, "max of an empty array: expected 1 or more elements");
        }
        float max = x[0];
        for (float v : x) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * F(n) mod 2^64 by fast doubling: from (F(k), F(k+1)), F(2k) = F(k) (2 F(k+1) - F(k)) and
     * F(2k+1) = F(k)^2 + F(k+1)^2, taking n's bits from the top; Java's long arithmetic wraps mod 2^64.
     *
     * @param n the index, read as unsigned
     * @return F(n) mod 2^64, as a long's bits
     */
    public static long fib(long n) {
        long a = 0;
        long b = 1;
        for (int bit = 63 - Long.numberOfLeadingZeros(n); bit >= 0; bit--) {
            long c = a * (2 * b - a);
            long d = a * a + b * b;
            if ((n >>> bit & 1) == 0) {
                a = c;
                b = d;
            } else {
                a = d;
                b = c + d;
            }
        }
        return a;
    }

    /**
     * The Fibonacci batch.
     *
     * @param n the indices
     * @return {@code fib(n[i])} for each
     */
    public static long[] fibBatch(long[] n) {
        long[] out = new long[n.length];
        for (int i = 0; i < n.length; i++) {
            out[i] = fib(n[i]);
        }
        return out;
    }

    /**
     * How far a result is from the reference: the largest {@code |e - a| / max(1, |e|)}, relative for
     * large elements and absolute near zero, where relative error means nothing.
     *
     * @param expected the reference
     * @param actual the result, as long
     * @return the largest scaled error; 0 for equal arrays, infinite where one has NaN and the other not
     */
    public static double error(float[] expected, float[] actual) {
        sameLength("error", expected.length, actual.length);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, error(expected[i], actual[i]));
        }
        return worst;
    }

    /**
     * The scaled error of one value, as {@link #error(float[], float[])} measures it.
     *
     * @param expected the reference
     * @param actual the result
     * @return {@code |e - a| / max(1, |e|)}, infinite where exactly one is NaN
     */
    public static double error(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) == Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(expected - actual) / Math.max(1, Math.abs(expected));
    }

    private static void sameLength(String what, int expected, int actual) {
        if (expected != actual) {
            throw new RanksException(ErrorClass.ARG, what + ": arrays of " + expected + " and " + actual
                    + " elements: expected equal lengths");
        }
    }
}
