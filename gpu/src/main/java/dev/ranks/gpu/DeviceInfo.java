package dev.ranks.gpu;

import java.util.Objects;

/**
 * One device of a backend, as {@code launcher gpu info} lists it.
 *
 * @param backend the backend's name, such as {@code opencl}
 * @param index the device's index within its backend, what {@link ComputeBackend#open(int)} takes
 * @param name the device's name as its driver reports it
 * @param type the kind of device
 * @param computeUnits compute units (OpenCL), multiprocessors (CUDA) or processors (Java)
 * @param memoryBytes the device's global memory (for the Java backend, the heap's maximum)
 * @param version the driver, platform or runtime version
 * @param limits compute capability, clock, local and constant memory and work-group size, what the books' device
 *     queries list; {@link Limits#UNKNOWN} where the backend does not say
 */
public record DeviceInfo(String backend, int index, String name, DeviceType type, int computeUnits,
        long memoryBytes, String version, Limits limits) {
    /**
     * What PyCUDA's and PyOpenCL's device queries print beside the name and memory.
     *
     * @param computeCapability CUDA's compute capability, such as {@code 9.0}; empty elsewhere
     * @param clockMHz the maximum clock in MHz, -1 when unknown
     * @param localMemoryBytes local (OpenCL) or shared-per-block (CUDA) memory, -1 when unknown
     * @param constantMemoryBytes constant memory, -1 when unknown
     * @param maxWorkGroupSize work items per group (OpenCL) or threads per block (CUDA), -1 when unknown
     */
    public record Limits(String computeCapability, int clockMHz, long localMemoryBytes, long constantMemoryBytes,
            long maxWorkGroupSize) {
        /** Nothing known. */
        public static final Limits UNKNOWN = new Limits("", -1, -1, -1, -1);

        /**
         * Checks the fields.
         *
         * @param computeCapability the compute capability or empty
         * @param clockMHz the clock or -1
         * @param localMemoryBytes local memory or -1
         * @param constantMemoryBytes constant memory or -1
         * @param maxWorkGroupSize the work-group size or -1
         */
        public Limits {
            Objects.requireNonNull(computeCapability, "computeCapability");
        }
    }

    /**
     * A device whose limits are unknown.
     *
     * @param backend the backend's name
     * @param index the device's index within its backend
     * @param name the device's name
     * @param type the kind of device
     * @param computeUnits compute units
     * @param memoryBytes global memory in bytes
     * @param version the driver or runtime version
     */
    public DeviceInfo(String backend, int index, String name, DeviceType type, int computeUnits, long memoryBytes,
            String version) {
        this(backend, index, name, type, computeUnits, memoryBytes, version, Limits.UNKNOWN);
    }

    /**
     * Checks the fields.
     *
     * @param backend the backend's name
     * @param index the device's index within its backend
     * @param name the device's name
     * @param type the kind of device
     * @param computeUnits compute units
     * @param memoryBytes global memory in bytes
     * @param version the driver or runtime version
     * @param limits the device's limits, {@link Limits#UNKNOWN} where not known
     */
    public DeviceInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(limits, "limits");
    }
}
