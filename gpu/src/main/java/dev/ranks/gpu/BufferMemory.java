package dev.ranks.gpu;

/**
 * Where {@link Device#allocate(ElementType, int, BufferMemory)} puts a buffer, and so how
 * {@link DeviceBuffer#copyIn(Object)} and {@link DeviceBuffer#copyOut(Object)} move data, and whether
 * {@link DeviceBuffer#map()} works. Copying Java arrays costs about the same either way (one memcpy),
 * so {@link #DEVICE} is the default; host memory pays where the host produces or consumes the data in
 * a {@link HostMapping}.
 */
public enum BufferMemory {
    /**
     * {@link #HOST} on a device that computes in host memory (an OpenCL CPU device such as PoCL's),
     * {@link #DEVICE} everywhere else: for code that maps where mapping is free and copies elsewhere.
     */
    AUTO,
    /**
     * The device's own memory, filled by explicit copies (a GPU's copy engine, or a CPU device's private
     * allocation) straight from the Java array; the default of {@link Device#allocate(ElementType, int)}.
     */
    DEVICE,
    /**
     * Host memory the device maps for its kernels ({@code CL_MEM_ALLOC_HOST_PTR}): copies map the buffer
     * and move the Java array straight into it, one memcpy each way, and {@link DeviceBuffer#map()} hands
     * the host the memory itself; kernels on a CPU device read it in place. Only the OpenCL backend has
     * it; a discrete GPU reaches such memory over the bus.
     */
    HOST
}
