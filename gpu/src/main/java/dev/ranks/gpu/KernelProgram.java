package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's kernels compiled for one device: PyOpenCL's {@code cl.Program(ctx, src).build()} and PyCUDA's
 * {@code SourceModule}. Made by {@link Device#buildProgram(KernelSource, String)} (OpenCL C on
 * {@code opencl}, CUDA C through NVRTC on {@code cuda}) or {@link Device#loadPtx(KernelSource)};
 * {@link #kernel(String)} hands out its kernels. Closing it frees the compiled program and closes every
 * kernel it handed out; closing its device closes it.
 *
 * <pre>{@code
 * try (KernelProgram program = device.buildProgram(KernelSource.read(Path.of("stencil.cl")), "");
 *         Kernel stencil = program.kernel("stencil")) {
 *     stencil.args(in, out, new LocalMemory((64 + 4) * 4L), n).launch(roundUp(n, 64), 64);
 * }
 * }</pre>
 */
public abstract class KernelProgram implements AutoCloseable {
    private final Device device;
    private final String name;
    private final List<String> kernelNames;
    private final String buildLog;
    private final List<Kernel> kernels = new ArrayList<>();
    private boolean closed;

    /**
     * Creates the program's bookkeeping; the backend's subclass holds the compiled program.
     *
     * @param device the device it was built for
     * @param name the source's name
     * @param kernelNames the kernels the compiled program has
     * @param buildLog the compiler's output for a build that succeeded (warnings), possibly empty
     */
    protected KernelProgram(Device device, String name, List<String> kernelNames, String buildLog) {
        this.device = Objects.requireNonNull(device, "device");
        this.name = Objects.requireNonNull(name, "name");
        this.kernelNames = List.copyOf(kernelNames);
        this.buildLog = Objects.requireNonNull(buildLog, "buildLog");
    }

    /**
     * The source's name: its file, resource, or {@value KernelSource#ANONYMOUS}.
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    /**
     * The device the program was built for.
     *
     * @return its device
     */
    public final Device device() {
        return device;
    }

    /**
     * The kernels in the program, as the compiler reports them (OpenCL's {@code CL_PROGRAM_KERNEL_NAMES},
     * the entries of the PTX).
     *
     * @return their names
     */
    public final List<String> kernelNames() {
        return kernelNames;
    }

    /**
     * What the compiler said about a build that succeeded: its warnings, with the program's name in
     * place of the driver's temporary file, as in {@link KernelBuildException}.
     *
     * @return the log, empty when it said nothing
     */
    public final String buildLog() {
        return KernelBuildException.readable(buildLog, name);
    }

    /**
     * A kernel of the program, with its own arguments: each call makes a new one, so that two threads or
     * two argument sets do not share state.
     *
     * @param kernelName the kernel's name, as declared ({@code extern "C"} ones in CUDA C)
     * @return the kernel, closed with the program or before it
     * @throws RanksException ({@code ARG}) when the program has no kernel of that name (the message lists
     *     those it has) or is closed
     */
    public final Kernel kernel(String kernelName) {
        Objects.requireNonNull(kernelName, "kernelName");
        ensureOpen("kernel(\"" + kernelName + "\")");
        if (!kernelNames.contains(kernelName)) {
            boolean mangled = kernelNames.stream().anyMatch(k -> k.startsWith("_Z"));
            throw new RanksException(ErrorClass.ARG, "program " + name + " has no kernel '" + kernelName + "': expected one of "
                    + kernelNames + (mangled ? " (CUDA C++ mangles the names of kernels not declared extern \"C\")" : ""));
        }
        Kernel kernel = createKernel(kernelName);
        kernels.add(kernel);
        return kernel;
    }

    /**
     * Whether {@link #close()} has run, on the program or its device.
     *
     * @return true once closed
     */
    public final boolean closed() {
        return closed;
    }

    /** Closes the program's kernels and frees the compiled program. Closing twice does nothing. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            List.copyOf(kernels).forEach(Kernel::close);
            release();
            device.programClosed(this);
        }
    }

    @Override
    public String toString() {
        return "program " + name + " on " + device.info().backend() + ":" + device.info().index();
    }

    /**
     * Creates a kernel of a name the program has.
     *
     * @param kernelName one of {@link #kernelNames()}
     * @return the backend's kernel
     */
    protected abstract Kernel createKernel(String kernelName);

    /** Frees the compiled program; its kernels are closed already. Called once. */
    protected abstract void release();

    final void ensureOpen(String what) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, what + ": " + this + " is closed");
        }
    }

    final void kernelClosed(Kernel kernel) {
        kernels.remove(kernel);
    }
}
