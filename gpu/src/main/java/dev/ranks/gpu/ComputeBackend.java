package dev.ranks.gpu;

import java.util.List;

/**
 * A way to run kernels: the service interface behind {@code --backend}. Implementations register in
 * {@code META-INF/services/dev.ranks.gpu.ComputeBackend}, have a public no-argument constructor that
 * touches no native library, and keep their binding's types to themselves.
 */
public interface ComputeBackend {
    /**
     * The name users pick it by, such as {@code opencl}.
     *
     * @return a lower-case name
     */
    String name();

    /**
     * Probes for the native library, a platform and a device, once per instance. Never throws: a
     * missing library ({@link LinkageError}), a driver error or a binding exception all come back as
     * an unavailable result saying why.
     *
     * @return whether the backend can be used, and what was found or why not
     */
    Availability availability();

    /**
     * The devices this backend can open, in index order.
     *
     * @return the devices, empty when {@link #availability()} says unavailable
     */
    List<DeviceInfo> devices();

    /**
     * Opens a device: creates its context and compiles or loads the kernel catalog.
     *
     * @param index an index from {@link #devices()}
     * @return the opened device, to be closed by the caller
     * @throws dev.ranks.comm.RanksException ({@code UNAVAILABLE}) when the backend is unavailable or
     *     the device cannot be opened; ({@code ARG}) for an index that is not a device's
     */
    Device open(int index);

    /**
     * Whether this backend's devices allocate zero-copy host buffers ({@link BufferMemory#HOST}).
     *
     * @return false unless the backend says otherwise
     */
    default boolean hostBuffers() {
        return false;
    }
}
