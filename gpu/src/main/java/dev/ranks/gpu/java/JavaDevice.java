package dev.ranks.gpu.java;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.Reference;
import dev.ranks.gpu.ReduceOp;
import dev.ranks.gpu.spi.ArrayBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/** The Java backend's device: kernels as parallel streams over the buffers' heap arrays. */
final class JavaDevice extends Device {
    /** Rows and columns of the blocks the tiled matmul works through, sized for a 32 KiB L1 cache. */
    private static final int BLOCK = 64;
    /** Elements per task of the element-wise kernel, so that each task compiles its expression once. */
    private static final int CHUNK = 1 << 14;

    JavaDevice(DeviceInfo info) {
        super(info);
    }

    @Override
    protected DeviceBuffer newBuffer(ElementType type, int length, boolean host) {
        return new ArrayBuffer(this, type, length);
    }

    @Override
    protected void runVecAdd(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        float[] x = floats(a);
        float[] y = floats(b);
        float[] z = floats(c);
        IntStream.range(0, x.length).parallel().forEach(i -> z[i] = x[i] + y[i]);
    }

    @Override
    protected void runSaxpy(float alpha, DeviceBuffer x, DeviceBuffer y) {
        float[] u = floats(x);
        float[] v = floats(y);
        IntStream.range(0, u.length).parallel().forEach(i -> v[i] = alpha * u[i] + v[i]);
    }

    @Override
    protected void runElementwise(Elementwise kernel, DeviceBuffer out, DeviceBuffer[] inputs) {
        Object[] arrays = new Object[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            arrays[i] = ArrayBuffer.array(inputs[i]);
        }
        Object target = ArrayBuffer.array(out);
        int n = out.length();
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel()
                .forEach(chunk -> kernel.evaluate(target, arrays, chunk * CHUNK, Math.min(n, (chunk + 1) * CHUNK)));
    }

    @Override
    protected void runDoubleMatrix(DeviceBuffer matrix, int rows, int cols) {
        float[] m = floats(matrix);
        IntStream.range(0, rows).parallel().forEach(r -> {
            for (int c = r * cols; c < (r + 1) * cols; c++) {
                m[c] *= 2;
            }
        });
    }

    @Override
    protected void runMatmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, int n, int k, int m,
            MatmulVariant variant) {
        float[] x = floats(a);
        float[] y = floats(b);
        float[] z = floats(c);
        if (variant == MatmulVariant.NAIVE) {
            IntStream.range(0, n).parallel().forEach(i -> {
                Arrays.fill(z, i * m, i * m + m, 0f);
                rowBlock(x, y, z, i, i + 1, 0, k, k, m);
            });
            return;
        }
        // TILED and BLOCKED alike: blocks of rows run in parallel; within one, blocks of k keep a slab
        // of B in cache while every row of the block uses it.
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            int from = block * BLOCK;
            int to = Math.min(n, from + BLOCK);
            for (int i = from; i < to; i++) {
                Arrays.fill(z, i * m, i * m + m, 0f);
            }
            for (int p = 0; p < k; p += BLOCK) {
                rowBlock(x, y, z, from, to, p, Math.min(k, p + BLOCK), k, m);
            }
        });
    }

    // Adds A[rows, pFrom..pTo) B[pFrom..pTo, :] into C's rows, in i-k-j order.
    private static void rowBlock(float[] a, float[] b, float[] c, int rowFrom, int rowTo, int pFrom, int pTo,
            int k, int m) {
        for (int i = rowFrom; i < rowTo; i++) {
            int out = i * m;
            for (int p = pFrom; p < pTo; p++) {
                float aip = a[i * k + p];
                int row = p * m;
                for (int j = 0; j < m; j++) {
                    c[out + j] += aip * b[row + j];
                }
            }
        }
    }

    @Override
    protected double runReduce(DeviceBuffer x, ReduceOp op) {
        float[] v = floats(x);
        if (op == ReduceOp.SUM) {
            return IntStream.range(0, v.length).parallel().mapToDouble(i -> v[i]).sum();
        }
        return IntStream.range(0, v.length).parallel().mapToDouble(i -> v[i]).max().orElseThrow();
    }

    @Override
    protected void runFibBatch(DeviceBuffer n, DeviceBuffer out) {
        long[] in = (long[]) ArrayBuffer.array(n);
        long[] result = (long[]) ArrayBuffer.array(out);
        IntStream.range(0, in.length).parallel().forEach(i -> result[i] = Reference.fib(in[i]));
    }

    @Override
    protected void release() {
        // Heap arrays need no freeing beyond the garbage collector's.
    }

    private static float[] floats(DeviceBuffer buffer) {
        return (float[]) ArrayBuffer.array(buffer);
    }
}
