package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.ReduceOp;
import dev.ranks.gpu.StackProgram;
import dev.ranks.gpu.spi.ArrayBuffer;
import java.util.List;

/**
 * An Aparapi device: one kernel object per catalog kernel, in explicit mode, so that each call puts its
 * inputs, runs, and gets its outputs, all timed; a call that Aparapi ran on its thread pool instead of
 * the device fails.
 */
final class AparapiDevice extends Device {
    /** Work groups of a reduction's first stage, as in the OpenCL backend. */
    private static final int REDUCE_GROUPS = 1024;

    private final OpenCLDevice device;
    private final VecAddKernel vecAdd = explicit(new VecAddKernel());
    private final SaxpyKernel saxpy = explicit(new SaxpyKernel());
    private final DoubleMatrixKernel doubleMatrix = explicit(new DoubleMatrixKernel());
    private final MatmulNaiveKernel matmulNaive = explicit(new MatmulNaiveKernel());
    private final MatmulTiledKernel matmulTiled = explicit(new MatmulTiledKernel());
    private final ReduceKernel reduce = explicit(new ReduceKernel());
    private final FibKernel fib = explicit(new FibKernel());
    private final InterpreterKernel interpreter = explicit(new InterpreterKernel());

    AparapiDevice(DeviceInfo info, OpenCLDevice device) {
        super(info);
        this.device = device;
    }

    @Override
    protected DeviceBuffer newBuffer(ElementType type, int length, boolean host) {
        return new ArrayBuffer(this, type, length);
    }

    @Override
    protected void runVecAdd(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        vecAdd.a = floats(a);
        vecAdd.b = floats(b);
        vecAdd.c = floats(c);
        vecAdd.n = a.length();
        launch(vecAdd, range1d(a.length()), vecAdd.c, vecAdd.a, vecAdd.b);
    }

    @Override
    protected void runSaxpy(float alpha, DeviceBuffer x, DeviceBuffer y) {
        saxpy.alpha = alpha;
        saxpy.x = floats(x);
        saxpy.y = floats(y);
        saxpy.n = x.length();
        launch(saxpy, range1d(x.length()), saxpy.y, saxpy.x, saxpy.y);
    }

    @Override
    protected void runElementwise(Elementwise kernel, DeviceBuffer out, DeviceBuffer[] inputs) {
        StackProgram program = StackProgram.of(kernel);
        if (program.depth() > InterpreterKernel.DEPTH) {
            throw new RanksException(ErrorClass.ARG, "elementwise \"" + kernel.source() + "\" needs a stack of "
                    + program.depth() + " on aparapi: expected at most " + InterpreterKernel.DEPTH
                    + " (nest less deeply)");
        }
        int n = out.length();
        // The interpreter reads one packed double array: packing and unpacking are host copies, so
        // they count as transfer time with the device copies.
        long start = System.nanoTime();
        double[] packed = new double[Math.max(1, inputs.length * n)];
        for (int j = 0; j < inputs.length; j++) {
            Object in = ArrayBuffer.array(inputs[j]);
            for (int i = 0; i < n; i++) {
                packed[j * n + i] = in instanceof float[] f ? f[i] : ((double[]) in)[i];
            }
        }
        addTransferNanos(System.nanoTime() - start);
        interpreter.code = program.code();
        interpreter.codeLength = interpreter.code.length;
        interpreter.constants = program.constants().length == 0 ? new double[1] : program.constants();
        interpreter.in = packed;
        interpreter.out = new double[n];
        interpreter.n = n;
        launch(interpreter, range1d(n), interpreter.out, interpreter.code, interpreter.constants, interpreter.in);
        start = System.nanoTime();
        Object target = ArrayBuffer.array(out);
        for (int i = 0; i < n; i++) {
            if (target instanceof float[] f) {
                f[i] = (float) interpreter.out[i];
            } else {
                ((double[]) target)[i] = interpreter.out[i];
            }
        }
        addTransferNanos(System.nanoTime() - start);
    }

    @Override
    protected void runDoubleMatrix(DeviceBuffer matrix, int rows, int cols) {
        doubleMatrix.m = floats(matrix);
        doubleMatrix.rows = rows;
        doubleMatrix.cols = cols;
        launch(doubleMatrix, range2d(cols, rows), doubleMatrix.m, doubleMatrix.m);
    }

    @Override
    protected void runMatmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, int n, int k, int m,
            MatmulVariant variant) {
        // BLOCKED runs the tiled kernel: the register-blocked one is written in OpenCL C and CUDA C only.
        MatmulKernel kernel = variant == MatmulVariant.NAIVE ? matmulNaive : matmulTiled;
        kernel.a = floats(a);
        kernel.b = floats(b);
        kernel.c = floats(c);
        kernel.n = n;
        kernel.k = k;
        kernel.m = m;
        launch(kernel, range2d(m, n), kernel.c, kernel.a, kernel.b);
    }

    @Override
    protected double runReduce(DeviceBuffer x, ReduceOp op) {
        int groups = Math.min(REDUCE_GROUPS, (x.length() + Kernels.LOCAL - 1) / Kernels.LOCAL);
        float[] partial = new float[groups];
        reduce.max = op == ReduceOp.MAX ? 1 : 0;
        reduce.in = floats(x);
        reduce.n = x.length();
        reduce.partial = partial;
        put(reduce, reduce.in);
        execute(reduce, device.createRange(groups * Kernels.LOCAL, Kernels.LOCAL));
        float[] result = new float[1];
        reduce.in = partial;
        reduce.n = groups;
        reduce.partial = result;
        execute(reduce, device.createRange(Kernels.LOCAL, Kernels.LOCAL));
        get(reduce, result);
        return result[0];
    }

    @Override
    protected void runFibBatch(DeviceBuffer n, DeviceBuffer out) {
        fib.n = (long[]) ArrayBuffer.array(n);
        fib.out = (long[]) ArrayBuffer.array(out);
        fib.count = n.length();
        launch(fib, range1d(n.length()), fib.out, fib.n);
    }

    @Override
    protected void release() {
        for (Kernel k : List.of(vecAdd, saxpy, doubleMatrix, matmulNaive, matmulTiled, reduce, fib, interpreter)) {
            k.dispose();
        }
    }

    // Puts the inputs, runs, and gets the output back: Aparapi's explicit-transfer round trip.
    private void launch(Kernel kernel, Range range, Object output, Object... inputs) {
        put(kernel, inputs);
        execute(kernel, range);
        get(kernel, output);
    }

    private void execute(Kernel kernel, Range range) {
        kernel.execute(range);
        if (!kernel.isRunningCL()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "aparapi ran " + kernel.getClass().getSimpleName()
                    + " on its Java thread pool instead of " + info().name() + ": see Aparapi's log for the reason");
        }
    }

    private Range range1d(int n) {
        return device.createRange(roundUp(n, Kernels.LOCAL), Kernels.LOCAL);
    }

    private Range range2d(int width, int height) {
        return device.createRange2D(roundUp(width, Kernels.TILE), roundUp(height, Kernels.TILE), Kernels.TILE,
                Kernels.TILE);
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private void put(Kernel kernel, Object... arrays) {
        long start = System.nanoTime();
        for (Object array : arrays) {
            if (array instanceof float[] f) {
                kernel.put(f);
            } else if (array instanceof double[] d) {
                kernel.put(d);
            } else if (array instanceof int[] i) {
                kernel.put(i);
            } else {
                kernel.put((long[]) array);
            }
        }
        addTransferNanos(System.nanoTime() - start);
    }

    private void get(Kernel kernel, Object array) {
        long start = System.nanoTime();
        if (array instanceof float[] f) {
            kernel.get(f);
        } else if (array instanceof double[] d) {
            kernel.get(d);
        } else {
            kernel.get((long[]) array);
        }
        addTransferNanos(System.nanoTime() - start);
    }

    private static <K extends Kernel> K explicit(K kernel) {
        kernel.setExplicit(true);
        return kernel;
    }

    private static float[] floats(DeviceBuffer buffer) {
        return (float[]) ArrayBuffer.array(buffer);
    }
}
