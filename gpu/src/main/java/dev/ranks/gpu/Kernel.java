package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One kernel of a {@link KernelProgram}, with its arguments: PyOpenCL's {@code cl.Kernel} with
 * {@code set_arg}, and the function of PyCUDA's {@code SourceModule.get_function}. Set every argument by
 * its index (device buffers, {@code int}, {@code long}, {@code float} and {@code double} scalars,
 * {@code __local} memory), then {@link #launch(long[], long[])} it over a 1-, 2- or 3-dimensional range
 * of work items; arguments stay set across launches. A launch returns once the device has finished, and
 * the results are read back with {@link DeviceBuffer#copyOut(Object)}.
 *
 * <p>Every call checks its input before the driver sees it and names the bad value and what was expected:
 * an index outside the parameters, a value the parameter's declared type does not take (where the backend
 * knows the types: OpenCL's argument info, a PTX entry's parameter list), an argument left unset, a global
 * size that is not a multiple of the local size, a local size beyond what the kernel or device allows.
 *
 * <p>OpenCL ({@code opencl}) names NDRange sizes as work items: the global size is the number of work
 * items in each dimension, the local size the work-group's. On CUDA the same launch is a grid of
 * {@code global / local} blocks of {@code local} threads, so {@code launch(n, 256)} is
 * {@code <<<n / 256, 256>>>}; CUDA's dynamic shared memory ({@code extern __shared__}) is not an argument
 * there but {@link #sharedMemory(long)}, PyCUDA's {@code shared=}.
 */
public abstract class Kernel implements AutoCloseable {
    private final KernelProgram program;
    private final String name;
    private final List<KernelParameter> parameters;
    private final Object[] values;
    private boolean closed;

    /**
     * Creates the kernel's bookkeeping; the backend's subclass holds the native kernel.
     *
     * @param program the program it belongs to
     * @param name its name
     * @param parameters its parameters in order
     */
    protected Kernel(KernelProgram program, String name, List<KernelParameter> parameters) {
        this.program = Objects.requireNonNull(program, "program");
        this.name = Objects.requireNonNull(name, "name");
        this.parameters = List.copyOf(parameters);
        this.values = new Object[this.parameters.size()];
    }

    /**
     * The kernel's name.
     *
     * @return the name it was asked for by
     */
    public final String name() {
        return name;
    }

    /**
     * The program the kernel belongs to.
     *
     * @return its program
     */
    public final KernelProgram program() {
        return program;
    }

    /**
     * The number of arguments the kernel takes.
     *
     * @return its parameters' count
     */
    public final int argCount() {
        return parameters.size();
    }

    /**
     * The kernel's parameters, as the backend describes them.
     *
     * @return one per argument, in order
     */
    public final List<KernelParameter> parameters() {
        return parameters;
    }

    /**
     * The kernel's name with its parameters, for people.
     *
     * @return such as {@code stencil(__global const float* in, __global float* out, int n)}
     */
    public final String signature() {
        return name + parameters.stream().map(KernelParameter::declaration).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Sets a buffer argument (a {@code __global} or {@code __constant} pointer, a CUDA pointer).
     *
     * @param index the argument's index, from 0
     * @param buffer a buffer of this kernel's device
     * @return this kernel
     * @throws RanksException ({@code ARG}) for an index outside the parameters, a parameter that takes no
     *     buffer or another element type, a buffer that is closed, mapped or another device's
     */
    public final Kernel arg(int index, DeviceBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return set(index, buffer);
    }

    /**
     * Sets an {@code int} (or {@code uint}) argument.
     *
     * @param index the argument's index, from 0
     * @param value the value
     * @return this kernel
     * @throws RanksException ({@code ARG}) for an index outside the parameters or a parameter of another type
     */
    public final Kernel arg(int index, int value) {
        return set(index, value);
    }

    /**
     * Sets a {@code long} (or {@code ulong}) argument.
     *
     * @param index the argument's index, from 0
     * @param value the value
     * @return this kernel
     * @throws RanksException ({@code ARG}) for an index outside the parameters or a parameter of another type
     */
    public final Kernel arg(int index, long value) {
        return set(index, value);
    }

    /**
     * Sets a {@code float} argument.
     *
     * @param index the argument's index, from 0
     * @param value the value
     * @return this kernel
     * @throws RanksException ({@code ARG}) for an index outside the parameters or a parameter of another type
     */
    public final Kernel arg(int index, float value) {
        return set(index, value);
    }

    /**
     * Sets a {@code double} argument; OpenCL devices need {@code cl_khr_fp64}.
     *
     * @param index the argument's index, from 0
     * @param value the value
     * @return this kernel
     * @throws RanksException ({@code ARG}) for an index outside the parameters or a parameter of another type
     */
    public final Kernel arg(int index, double value) {
        return set(index, value);
    }

    /**
     * Sets a {@code __local} pointer argument to work-group memory of a size (OpenCL; PyOpenCL's
     * {@code cl.LocalMemory}). Every work group gets its own, uninitialized.
     *
     * @param index the argument's index, from 0
     * @param bytes the size per work group, 1 or more
     * @return this kernel
     * @throws RanksException ({@code ARG}) for an index outside the parameters, a parameter that is not
     *     {@code __local}, a size below 1; on CUDA, always: its work-group memory is {@link #sharedMemory(long)}
     */
    public final Kernel localArg(int index, long bytes) {
        if (bytes < 1) {
            throw new RanksException(ErrorClass.ARG, "localArg(" + index + ", " + bytes + ") of kernel '" + name
                    + "': " + bytes + " bytes: expected 1 or more");
        }
        return set(index, new LocalMemory(bytes));
    }

    /**
     * Sets every argument at once (PyOpenCL's {@code set_args}): {@link DeviceBuffer}s, {@link Integer},
     * {@link Long}, {@link Float} and {@link Double} scalars, and {@link LocalMemory}.
     *
     * @param arguments one value per parameter, in order
     * @return this kernel
     * @throws RanksException ({@code ARG}) for a count other than {@link #argCount()}, a value of another
     *     class, or any value {@code arg} or {@code localArg} would refuse
     */
    public final Kernel args(Object... arguments) {
        ensureOpen("args");
        if (arguments.length != parameters.size()) {
            throw new RanksException(ErrorClass.ARG, "args: kernel " + signature() + " takes " + count(parameters.size())
                    + ": got " + arguments.length);
        }
        for (int i = 0; i < arguments.length; i++) {
            Object value = arguments[i];
            if (!(value instanceof DeviceBuffer || value instanceof Integer || value instanceof Long
                    || value instanceof Float || value instanceof Double || value instanceof LocalMemory)) {
                throw new RanksException(ErrorClass.ARG, "args: argument " + i + " of kernel '" + name + "' is "
                        + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                        + ": expected a DeviceBuffer, LocalMemory, Integer, Long, Float or Double");
            }
        }
        for (int i = 0; i < arguments.length; i++) {
            set(i, arguments[i]);
        }
        return this;
    }

    /**
     * Sets the dynamic shared memory of each block (CUDA's {@code extern __shared__} array, the third
     * launch parameter, PyCUDA's {@code shared=}); 0 by default.
     *
     * @param bytes per block, 0 or more
     * @return this kernel
     * @throws RanksException ({@code ARG}) for a negative size, or one beyond what the kernel may have; on
     *     OpenCL, always: its work-group memory is a {@code __local} argument, {@link #localArg(int, long)}
     */
    public final Kernel sharedMemory(long bytes) {
        ensureOpen("sharedMemory(" + bytes + ")");
        if (bytes < 0) {
            throw new RanksException(ErrorClass.ARG, "sharedMemory(" + bytes + ") of kernel '" + name
                    + "': expected 0 or more bytes");
        }
        bindSharedMemory(bytes);
        return this;
    }

    /**
     * Runs the kernel over a 1-dimensional range and waits for it.
     *
     * @param globalSize the number of work items (CUDA threads in all), 0 or more, a multiple of
     *     {@code localSize}; 0 runs nothing
     * @param localSize the work-group (CUDA block) size, 1 or more
     * @throws RanksException ({@code ARG}) as {@link #launch(long[], long[])} says
     */
    public final void launch(long globalSize, long localSize) {
        launch(new long[] {globalSize}, new long[] {localSize});
    }

    /**
     * Runs the kernel over a 1-, 2- or 3-dimensional range and waits for it (PyOpenCL's
     * {@code kernel(queue, global_size, local_size)}, PyCUDA's {@code grid=…, block=…}). Round a global
     * size up to a multiple of the local size and guard the index in the kernel
     * ({@code if (i < n)}), as the catalog's kernels do.
     *
     * @param globalSize the work items in each dimension, 0 or more; a 0 runs nothing
     * @param localSize the work-group size in each dimension, 1 or more, dividing the global size; or
     *     null to let the backend choose (OpenCL: the driver; CUDA: the largest block up to 256 threads
     *     that divides the global size)
     * @throws RanksException ({@code ARG}) for an argument left unset or whose buffer was closed since, no
     *     or more than 3 dimensions, sizes of different dimensions, a negative global or non-positive
     *     local size, a global size that is not a multiple of the local size, a work group larger than
     *     {@link #maxWorkGroupSize()} or than the device allows in a dimension, more work-group memory
     *     than the device has; ({@code INTERNAL}, {@code UNAVAILABLE}) when the driver fails the launch
     */
    public final void launch(long[] globalSize, long[] localSize) {
        Objects.requireNonNull(globalSize, "globalSize");
        String what = "launch of kernel '" + name + "'";
        ensureOpen(what);
        int dims = globalSize.length;
        if (dims < 1 || dims > 3) {
            throw new RanksException(ErrorClass.ARG, what + ": a global size of " + dims + " dimensions: expected 1, 2 or 3");
        }
        if (localSize != null && localSize.length != dims) {
            throw new RanksException(ErrorClass.ARG, what + ": global size " + size(globalSize) + " has " + dims
                    + " dimensions and local size " + size(localSize) + " " + localSize.length + ": expected as many");
        }
        for (int d = 0; d < dims; d++) {
            if (globalSize[d] < 0) {
                throw new RanksException(ErrorClass.ARG, what + ": global size " + globalSize[d] + in(d, dims)
                        + ": expected 0 or more");
            }
        }
        if (localSize != null) {
            checkLocal(what, globalSize, localSize);
        }
        checkArguments(what);
        if (Arrays.stream(globalSize).anyMatch(g -> g == 0)) {
            return;
        }
        run(globalSize.clone(), localSize == null ? null : localSize.clone());
    }

    /**
     * The largest work group (CUDA block) this kernel can run with on its device: OpenCL's
     * {@code CL_KERNEL_WORK_GROUP_SIZE}, CUDA's {@code CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK}.
     *
     * @return work items per group
     */
    public final long maxWorkGroupSize() {
        ensureOpen("maxWorkGroupSize");
        return workGroupLimit();
    }

    /**
     * Whether {@link #close()} has run, on the kernel, its program or its device.
     *
     * @return true once closed
     */
    public final boolean closed() {
        return closed;
    }

    /** Frees the native kernel; later use is an error. Closing twice does nothing. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
            program.kernelClosed(this);
        }
    }

    @Override
    public String toString() {
        return "kernel '" + name + "' of " + program;
    }

    /**
     * An error for a value a parameter does not take, naming both; for the backends' {@link #bind}.
     *
     * @param index the argument's index
     * @param value the value refused
     * @param expected what the parameter takes, such as {@code a float buffer}
     * @return the exception to throw
     */
    protected final RanksException mismatch(int index, Object value, String expected) {
        return new RanksException(ErrorClass.ARG, call(index, value) + " of kernel '" + name + "': parameter " + index
                + " is '" + parameters.get(index).declaration() + "': expected " + expected);
    }

    /**
     * Describes an argument's value for messages.
     *
     * @param value a buffer, a boxed scalar or local memory
     * @return such as {@code int 5}, {@code float[10] on opencl:0} or {@code 256 bytes of local memory}
     */
    protected static String describe(Object value) {
        if (value instanceof LocalMemory local) {
            return local.bytes() + " bytes of local memory";
        }
        if (value instanceof DeviceBuffer) {
            return value.toString();
        }
        String type = value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return (type.equals("integer") ? "int" : type) + " " + value;
    }

    /**
     * Hands an argument to the native kernel, after checking it against the parameter where the backend
     * knows its type (throwing {@link #mismatch}).
     *
     * @param index an index within the parameters
     * @param value an open buffer of this device, an {@link Integer}, {@link Long}, {@link Float},
     *     {@link Double}, or {@link LocalMemory}
     */
    protected abstract void bind(int index, Object value);

    /**
     * Sets the dynamic shared memory of each block, or refuses where the backend has none.
     *
     * @param bytes 0 or more
     */
    protected abstract void bindSharedMemory(long bytes);

    /**
     * The largest work group this kernel runs with on its device.
     *
     * @return work items per group
     */
    protected abstract long workGroupLimit();

    /**
     * The device's largest work-group size in each dimension.
     *
     * @return three limits, for dimensions 0, 1 and 2
     */
    protected abstract long[] workItemLimits();

    /**
     * Runs the kernel with every argument set and checked sizes, and waits for it.
     *
     * @param globalSize work items per dimension, each 1 or more
     * @param localSize work-group size per dimension, dividing the global size; or null for the
     *     backend's choice
     */
    protected abstract void run(long[] globalSize, long[] localSize);

    /** Frees the native kernel; called once. */
    protected abstract void release();

    private Kernel set(int index, Object value) {
        String what = call(index, value);
        ensureOpen(what);
        if (index < 0 || index >= parameters.size()) {
            throw new RanksException(ErrorClass.ARG, what + ": kernel " + signature() + " takes " + count(parameters.size())
                    + (parameters.isEmpty() ? "" : ": expected an index from 0 to " + (parameters.size() - 1)));
        }
        if (value instanceof DeviceBuffer buffer) {
            buffer.ensureOpen(what + " of kernel '" + name + "'");
            if (buffer.device() != program.device()) {
                throw new RanksException(ErrorClass.ARG, what + " of kernel '" + name + "': the buffer belongs to another"
                        + " device: expected one allocated on " + program.device().info().backend() + ":"
                        + program.device().info().index());
            }
        }
        bind(index, value);
        values[index] = value;
        return this;
    }

    private void checkLocal(String what, long[] global, long[] local) {
        int dims = global.length;
        long items = 1;
        for (int d = 0; d < dims; d++) {
            if (local[d] < 1) {
                throw new RanksException(ErrorClass.ARG, what + ": local size " + local[d] + in(d, dims)
                        + ": expected 1 or more");
            }
            if (global[d] % local[d] != 0) {
                long up = (global[d] / local[d] + 1) * local[d];
                throw new RanksException(ErrorClass.ARG, what + ": global size " + global[d] + in(d, dims)
                        + " is not a multiple of the local size " + local[d] + ": expected a multiple, such as " + up
                        + " (round it up and guard the index in the kernel)");
            }
            items = items > Long.MAX_VALUE / local[d] ? Long.MAX_VALUE : items * local[d];
        }
        long limit = workGroupLimit();
        if (items > limit) {
            throw new RanksException(ErrorClass.ARG, what + ": local size " + size(local) + " is " + items + " work items"
                    + " per group: expected at most " + limit + ", what the kernel allows on "
                    + program.device().info().name());
        }
        long[] limits = workItemLimits();
        for (int d = 0; d < dims; d++) {
            if (local[d] > limits[d]) {
                throw new RanksException(ErrorClass.ARG, what + ": local size " + local[d] + in(d, dims)
                        + ": expected at most " + limits[d] + ", what " + program.device().info().name() + " allows there");
            }
        }
    }

    private void checkArguments(String what) {
        List<Integer> unset = IntStream.range(0, values.length).filter(i -> values[i] == null).boxed().toList();
        if (!unset.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (int i : unset) {
                named.add(i + " ('" + parameters.get(i).declaration() + "')");
            }
            throw new RanksException(ErrorClass.ARG, what + ": argument" + (unset.size() == 1 ? " " : "s ")
                    + String.join(", ", named) + (unset.size() == 1 ? " is" : " are") + " not set: expected every one of "
                    + signature() + " set with arg, localArg or args first");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof DeviceBuffer buffer) {
                buffer.ensureOpen(what + ", argument " + i);
            }
        }
    }

    private void ensureOpen(String what) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, what + ": " + this + " is closed");
        }
    }

    private String call(int index, Object value) {
        return (value instanceof LocalMemory local ? "localArg(" + index + ", " + local.bytes() + ")"
                : "arg(" + index + ", " + describe(value) + ")");
    }

    private static String count(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }

    private static String in(int d, int dims) {
        return dims == 1 ? "" : " in dimension " + d;
    }

    private static String size(long[] sizes) {
        return Arrays.stream(sizes).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }
}
