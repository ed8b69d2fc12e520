package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An opened compute device: it allocates {@link DeviceBuffer}s and runs the kernel catalog on them, and
 * builds users' own kernels ({@link #buildProgram(KernelSource, String)}, {@link #loadPtx(KernelSource)}).
 * Every kernel call checks its arguments here (types, lengths, ownership), then calls the backend's
 * worker, and returns once the device has finished, so that a caller's {@code System.nanoTime()}
 * around it measures kernel time; transfers are counted apart in {@link #transferNanos()}. A device is
 * used by one thread at a time; {@link #close()} it to free its context.
 */
public abstract class Device implements AutoCloseable {
    private final DeviceInfo info;
    private final List<KernelProgram> programs = new ArrayList<>();
    private long transferNanos;
    private boolean closed;

    /**
     * Creates the device's bookkeeping; the backend's subclass holds its context.
     *
     * @param info what the device is
     */
    protected Device(DeviceInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * What this device is.
     *
     * @return its description
     */
    public final DeviceInfo info() {
        return info;
    }

    /**
     * Allocates a buffer in device memory (PyCUDA's {@code cuda.mem_alloc}), {@link BufferMemory#DEVICE};
     * its contents are undefined until copied in or written by a kernel.
     *
     * @param type the element type
     * @param length the number of elements, zero or more
     * @return the buffer, to be closed by the caller
     * @throws RanksException ({@code ARG}) for a negative length; ({@code UNAVAILABLE}) when the device
     *     cannot hold it or lacks the type
     */
    public final DeviceBuffer allocate(ElementType type, int length) {
        return allocate(type, length, BufferMemory.DEVICE);
    }

    /**
     * Allocates a buffer in the memory asked for; its contents are undefined until copied in or written
     * by a kernel.
     *
     * @param type the element type
     * @param length the number of elements, zero or more
     * @param memory device memory, zero-copy host memory, or the device's default
     * @return the buffer, to be closed by the caller
     * @throws RanksException ({@code ARG}) for a negative length; ({@code UNAVAILABLE}) when the device
     *     cannot hold it, lacks the type, or has no zero-copy host buffers and {@code memory} is
     *     {@link BufferMemory#HOST}
     */
    public final DeviceBuffer allocate(ElementType type, int length, BufferMemory memory) {
        ensureOpen("allocate");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(memory, "memory");
        if (length < 0) {
            throw new RanksException(ErrorClass.ARG, "allocate: length " + length + ": expected 0 or more");
        }
        boolean host = switch (memory) {
            case AUTO -> computesInHostMemory();
            case DEVICE -> false;
            case HOST -> true;
        };
        if (host && !hasHostBuffers()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "allocate: backend " + info.backend() + " has no zero-copy"
                    + " host buffers: expected --memory auto or device, or the opencl backend");
        }
        return newBuffer(type, length, host);
    }

    /**
     * Vector add, {@code c[i] = a[i] + b[i]} over floats.
     *
     * @param a the first addend
     * @param b the second addend, as long as {@code a}
     * @param c the result, as long as {@code a}; may be {@code a} or {@code b}
     * @throws RanksException ({@code ARG}) when the lengths or types differ or a buffer is not this device's
     */
    public final void vecAdd(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        sameLength("vecAdd", ElementType.FLOAT, a, b, c);
        if (a.length() > 0) {
            runVecAdd(a, b, c);
        }
    }

    /**
     * SAXPY, {@code y[i] = alpha * x[i] + y[i]} over floats (BLAS level 1).
     *
     * @param alpha the scale of {@code x}
     * @param x the scaled vector
     * @param y the accumulating vector, as long as {@code x}, updated in place
     * @throws RanksException ({@code ARG}) when the lengths or types differ or a buffer is not this device's
     */
    public final void saxpy(float alpha, DeviceBuffer x, DeviceBuffer y) {
        sameLength("saxpy", ElementType.FLOAT, x, y);
        if (x.length() > 0) {
            runSaxpy(alpha, x, y);
        }
    }

    /**
     * An element-wise kernel built from an expression (PyOpenCL's {@code ElementwiseKernel}).
     *
     * @param kernel the parsed expression
     * @param out the output buffer, of the kernel's type
     * @param inputs one buffer per input of the kernel, in {@link Elementwise#inputs()} order, each as
     *     long as {@code out}
     * @throws RanksException ({@code ARG}) when the number of inputs, a length or a type differs, or a
     *     buffer is not this device's
     */
    public final void elementwise(Elementwise kernel, DeviceBuffer out, DeviceBuffer... inputs) {
        Objects.requireNonNull(kernel, "kernel");
        if (inputs.length != kernel.inputs().size()) {
            throw new RanksException(ErrorClass.ARG, "elementwise \"" + kernel.source() + "\" reads "
                    + kernel.inputs() + ": got " + inputs.length + " input buffers, expected " + kernel.inputs().size());
        }
        DeviceBuffer[] all = new DeviceBuffer[inputs.length + 1];
        all[0] = out;
        System.arraycopy(inputs, 0, all, 1, inputs.length);
        sameLength("elementwise", kernel.type(), all);
        if (out.length() > 0) {
            runElementwise(kernel, out, inputs);
        }
    }

    /**
     * Doubles every element of a row-major matrix in place, one work item per element on a 2-D grid
     * (PyCUDA's first recipe).
     *
     * @param matrix the matrix, {@code rows * cols} floats
     * @param rows the number of rows
     * @param cols the number of columns
     * @throws RanksException ({@code ARG}) when the shape does not match the buffer
     */
    public final void doubleMatrix(DeviceBuffer matrix, int rows, int cols) {
        sameLength("doubleMatrix", ElementType.FLOAT, matrix);
        if (rows < 0 || cols < 0 || (long) rows * cols != matrix.length()) {
            throw new RanksException(ErrorClass.ARG, "doubleMatrix: shape " + rows + "x" + cols + " does not fit a "
                    + "buffer of " + matrix.length() + " floats: expected rows * cols = length");
        }
        if (matrix.length() > 0) {
            runDoubleMatrix(matrix, rows, cols);
        }
    }

    /**
     * Matrix multiply, {@code C = A B} over row-major floats.
     *
     * @param a A, {@code n × k}
     * @param b B, {@code k × m}
     * @param c C, {@code n × m}; overwritten, and not {@code a} or {@code b}
     * @param n rows of A and C
     * @param k columns of A, rows of B
     * @param m columns of B and C
     * @param variant the kernel to use
     * @throws RanksException ({@code ARG}) when a shape does not match its buffer or C aliases an input
     */
    public final void matmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, int n, int k, int m,
            MatmulVariant variant) {
        Objects.requireNonNull(variant, "variant");
        owned("matmul", ElementType.FLOAT, a, b, c);
        shape("matmul", "A", a, n, k);
        shape("matmul", "B", b, k, m);
        shape("matmul", "C", c, n, m);
        if (c == a || c == b) {
            throw new RanksException(ErrorClass.ARG, "matmul: C is also an input: expected a buffer of its own");
        }
        if (c.length() > 0) {
            runMatmul(a, b, c, n, k, m, variant);
        }
    }

    /**
     * A reduction in two stages: each work group reduces a slice to one partial, then one group reduces
     * the partials.
     *
     * @param x the floats to reduce
     * @param op sum or max
     * @return the result, widened to double
     * @throws RanksException ({@code ARG}) for the max of an empty buffer or a buffer that is not floats
     */
    public final double reduce(DeviceBuffer x, ReduceOp op) {
        Objects.requireNonNull(op, "op");
        sameLength("reduce", ElementType.FLOAT, x);
        if (x.length() == 0) {
            if (op == ReduceOp.MAX) {
                throw new RanksException(ErrorClass.ARG, "reduce max: the buffer is empty: expected 1 or more elements");
            }
            return 0;
        }
        return runReduce(x, op);
    }

    /**
     * {@code out[i] = F(n[i]) mod 2^64}, the Fibonacci numbers of a batch by fast doubling per element,
     * with {@code n[i]} read as unsigned.
     *
     * @param n the indices
     * @param out the results, as long as {@code n}; may be {@code n}
     * @throws RanksException ({@code ARG}) when the lengths or types differ or a buffer is not this device's
     */
    public final void fibBatch(DeviceBuffer n, DeviceBuffer out) {
        sameLength("fibBatch", ElementType.LONG, n, out);
        if (n.length() > 0) {
            runFibBatch(n, out);
        }
    }

    /**
     * Builds a user's kernels from source, named {@value KernelSource#ANONYMOUS}, with no build options.
     *
     * @param source OpenCL C on {@code opencl}, CUDA C on {@code cuda}
     * @return the program, to be closed by the caller or with the device
     * @throws KernelBuildException when the source does not compile, with the build log
     * @throws RanksException ({@code UNAVAILABLE}) as {@link #buildProgram(KernelSource, String)} says
     */
    public final KernelProgram buildProgram(String source) {
        return buildProgram(KernelSource.of(source), "");
    }

    /**
     * Builds a user's kernels from source, named {@value KernelSource#ANONYMOUS}.
     *
     * @param source OpenCL C on {@code opencl}, CUDA C on {@code cuda}
     * @param options the compiler's options, such as {@code -DTILE=64}; empty for none
     * @return the program, to be closed by the caller or with the device
     * @throws KernelBuildException when the source does not compile, with the build log
     * @throws RanksException ({@code UNAVAILABLE}) as {@link #buildProgram(KernelSource, String)} says
     */
    public final KernelProgram buildProgram(String source, String options) {
        return buildProgram(KernelSource.of(source), options);
    }

    /**
     * Builds a user's kernels from source for this device: PyOpenCL's {@code cl.Program(ctx, src).build(options)}
     * on {@code opencl} (OpenCL C, {@code clBuildProgram}), PyCUDA's {@code SourceModule(src, options)} on
     * {@code cuda} (CUDA C through NVRTC for this device's architecture; declare kernels {@code extern "C"}
     * to ask for them by their plain names).
     *
     * @param source the source and its name for messages
     * @param options the compiler's options, such as {@code -DTILE=64} or {@code -cl-fast-relaxed-math}
     *     (OpenCL) and {@code --use_fast_math} (NVRTC); empty for none
     * @return the program, to be closed by the caller or with the device
     * @throws KernelBuildException ({@code ARG}) when the source does not compile or the options are
     *     refused, with the compiler's log and its line numbers
     * @throws RanksException ({@code UNAVAILABLE}) on a backend without source kernels (java, aparapi) or
     *     on {@code cuda} without NVRTC; ({@code ARG}) when the device is closed
     */
    public final KernelProgram buildProgram(KernelSource source, String options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        ensureOpen("buildProgram " + source.name());
        return opened(compileProgram(source, options.strip()));
    }

    /**
     * Loads PTX the user compiled ahead (e.g. {@code nvcc --ptx}), named {@value KernelSource#ANONYMOUS}.
     *
     * @param ptx the PTX text
     * @return the program, to be closed by the caller or with the device
     * @throws KernelBuildException when the driver's JIT refuses it, with its log
     * @throws RanksException ({@code UNAVAILABLE}) as {@link #loadPtx(KernelSource)} says
     */
    public final KernelProgram loadPtx(String ptx) {
        return loadPtx(KernelSource.of(ptx));
    }

    /**
     * Loads PTX the user compiled ahead (PyCUDA's {@code cuda.module_from_buffer}): the driver JIT-compiles
     * it for this device ({@code cuModuleLoadData}). Its {@code .entry} names are the kernels.
     *
     * @param ptx the PTX and its name for messages
     * @return the program, to be closed by the caller or with the device
     * @throws KernelBuildException ({@code ARG}) when the driver's JIT refuses it, with its log
     * @throws RanksException ({@code UNAVAILABLE}) on any backend but {@code cuda}; ({@code ARG}) when the
     *     device is closed
     */
    public final KernelProgram loadPtx(KernelSource ptx) {
        Objects.requireNonNull(ptx, "ptx");
        ensureOpen("loadPtx " + ptx.name());
        return opened(loadPtxProgram(ptx));
    }

    /**
     * The time spent so far copying between host and this device, including copies a backend makes
     * on its own (Aparapi's); kernel time is a call's wall time less the growth of this counter.
     *
     * @return nanoseconds
     */
    public final long transferNanos() {
        return transferNanos;
    }

    /**
     * Adds to {@link #transferNanos()}; buffers and backends call this for every copy.
     *
     * @param nanos the time one copy took
     */
    protected final void addTransferNanos(long nanos) {
        transferNanos += nanos;
    }

    /**
     * Frees the device's context and everything compiled for it, the users' programs included. Closing
     * twice does nothing.
     */
    @Override
    public final void close() {
        if (!closed) {
            List.copyOf(programs).forEach(KernelProgram::close);
            closed = true;
            release();
        }
    }

    /**
     * Compiles a user's source; the backends with source kernels override this.
     *
     * @param source the source
     * @param options the compiler's options, stripped, possibly empty
     * @return the program
     * @throws RanksException ({@code UNAVAILABLE}) here: this backend has no source kernels
     */
    protected KernelProgram compileProgram(KernelSource source, String options) {
        throw new RanksException(ErrorClass.UNAVAILABLE, "buildProgram " + source.name() + ": backend " + info.backend()
                + " runs only its built-in kernels: users' source kernels (OpenCL C, CUDA C) need the opencl or cuda"
                + " backend");
    }

    /**
     * Loads a user's PTX; the CUDA backend overrides this.
     *
     * @param ptx the PTX
     * @return the program
     * @throws RanksException ({@code UNAVAILABLE}) here: only CUDA runs PTX
     */
    protected KernelProgram loadPtxProgram(KernelSource ptx) {
        throw new RanksException(ErrorClass.UNAVAILABLE, "loadPtx " + ptx.name() + ": PTX runs on the cuda backend only,"
                + " not on " + info.backend() + (info.backend().equals("opencl")
                        ? ": expected OpenCL C source for buildProgram" : ""));
    }

    /**
     * Whether the backend can allocate zero-copy host buffers on this device.
     *
     * @return true where {@link BufferMemory#HOST} works; false here, backends that have them say so
     */
    protected boolean hasHostBuffers() {
        return false;
    }

    /**
     * Whether this device's kernels run in host memory, so that {@link BufferMemory#AUTO} takes zero-copy
     * host buffers.
     *
     * @return false here; an OpenCL CPU device says true
     */
    protected boolean computesInHostMemory() {
        return false;
    }

    /**
     * Allocates a buffer; the arguments are checked.
     *
     * @param type the element type
     * @param length the number of elements, possibly zero
     * @param host whether the buffer is zero-copy host memory; true only where {@link #hasHostBuffers()}
     * @return the backend's buffer
     */
    protected abstract DeviceBuffer newBuffer(ElementType type, int length, boolean host);

    /**
     * Runs vector add on non-empty, checked buffers.
     *
     * @param a the first addend
     * @param b the second addend
     * @param c the result
     */
    protected abstract void runVecAdd(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c);

    /**
     * Runs SAXPY on non-empty, checked buffers.
     *
     * @param alpha the scale
     * @param x the scaled vector
     * @param y the accumulating vector
     */
    protected abstract void runSaxpy(float alpha, DeviceBuffer x, DeviceBuffer y);

    /**
     * Runs an element-wise kernel on non-empty, checked buffers.
     *
     * @param kernel the expression
     * @param out the output
     * @param inputs the inputs in the kernel's order
     */
    protected abstract void runElementwise(Elementwise kernel, DeviceBuffer out, DeviceBuffer[] inputs);

    /**
     * Runs matrix doubling on a non-empty, checked matrix.
     *
     * @param matrix the matrix
     * @param rows its rows
     * @param cols its columns
     */
    protected abstract void runDoubleMatrix(DeviceBuffer matrix, int rows, int cols);

    /**
     * Runs matrix multiply on checked buffers with a non-empty C.
     *
     * @param a A, {@code n × k}
     * @param b B, {@code k × m}
     * @param c C, {@code n × m}
     * @param n rows of A
     * @param k columns of A
     * @param m columns of B
     * @param variant the kernel
     */
    protected abstract void runMatmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, int n, int k, int m,
            MatmulVariant variant);

    /**
     * Runs a reduction on a non-empty, checked buffer.
     *
     * @param x the floats
     * @param op the reduction
     * @return its result
     */
    protected abstract double runReduce(DeviceBuffer x, ReduceOp op);

    /**
     * Runs the Fibonacci batch on non-empty, checked buffers.
     *
     * @param n the indices
     * @param out the results
     */
    protected abstract void runFibBatch(DeviceBuffer n, DeviceBuffer out);

    /** Frees the backend's context; called once. */
    protected abstract void release();

    final void programClosed(KernelProgram program) {
        programs.remove(program);
    }

    private KernelProgram opened(KernelProgram program) {
        programs.add(program);
        return program;
    }

    private void ensureOpen(String what) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, what + ": device " + info.backend() + ":" + info.index()
                    + " is closed");
        }
    }

    private void owned(String what, ElementType type, DeviceBuffer... buffers) {
        ensureOpen(what);
        for (DeviceBuffer buffer : buffers) {
            Objects.requireNonNull(buffer, what + ": buffer");
            buffer.ensureOpen(what);
            if (buffer.device() != this) {
                throw new RanksException(ErrorClass.ARG, what + ": buffer " + buffer + " belongs to another device: "
                        + "expected one allocated on " + info.backend() + ":" + info.index());
            }
            if (buffer.type() != type) {
                throw new RanksException(ErrorClass.ARG, what + ": buffer " + buffer + " holds " + buffer.type().javaName()
                        + ": expected " + type.javaName());
            }
        }
    }

    private void sameLength(String what, ElementType type, DeviceBuffer... buffers) {
        owned(what, type, buffers);
        for (DeviceBuffer buffer : buffers) {
            if (buffer.length() != buffers[0].length()) {
                throw new RanksException(ErrorClass.ARG, what + ": buffers of " + buffers[0].length() + " and "
                        + buffer.length() + " elements: expected equal lengths");
            }
        }
    }

    private static void shape(String what, String name, DeviceBuffer buffer, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != buffer.length()) {
            throw new RanksException(ErrorClass.ARG, what + ": " + name + " is " + rows + "x" + cols + " but its buffer"
                    + " holds " + buffer.length() + " floats: expected rows * cols = length");
        }
    }
}
