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
 * @param opencl the device's OpenCL platform and type bits, what PyOpenCL's device query prints;
 *     {@link OpenCl#NONE} outside the {@code opencl} backend
 */
public record DeviceInfo(String backend, int index, String name, DeviceType type, int computeUnits,
        long memoryBytes, String version, Limits limits, OpenCl opencl) {
    /**
     * What PyCUDA's and PyOpenCL's device queries print beside the name and memory.
     *
     * @param computeCapability CUDA's compute capability, such as {@code 9.0}; empty elsewhere
     * @param clockMHz the maximum clock in MHz, -1 when unknown
     * @param localMemoryBytes local (OpenCL) or shared-per-block (CUDA) memory, -1 when unknown
     * @param constantMemoryBytes constant memory, -1 when unknown
     * @param maxWorkGroupSize work items per group (OpenCL) or threads per block (CUDA), -1 when unknown
     * @param maxAllocationBytes the largest single buffer (OpenCL's {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}), -1 when
     *     unknown
     */
    public record Limits(String computeCapability, int clockMHz, long localMemoryBytes, long constantMemoryBytes,
            long maxWorkGroupSize, long maxAllocationBytes) {
        /** Nothing known. */
        public static final Limits UNKNOWN = new Limits("", -1, -1, -1, -1, -1);

        /**
         * Checks the fields.
         *
         * @param computeCapability the compute capability or empty
         * @param clockMHz the clock or -1
         * @param localMemoryBytes local memory or -1
         * @param constantMemoryBytes constant memory or -1
         * @param maxWorkGroupSize the work-group size or -1
         * @param maxAllocationBytes the largest buffer or -1
         */
        public Limits {
            Objects.requireNonNull(computeCapability, "computeCapability");
        }
    }

    /**
     * Where an OpenCL device sits, as {@code clGetPlatformInfo} describes its platform, and its type as
     * {@code CL_DEVICE_TYPE} gives it: the bitfield, which PyOpenCL prints by name ({@code ALL | GPU}) and
     * {@link DeviceType} reduces to one kind.
     *
     * @param platformIndex the platform's position in {@code clGetPlatformIDs}, -1 outside OpenCL
     * @param platformName {@code CL_PLATFORM_NAME}
     * @param platformVendor {@code CL_PLATFORM_VENDOR}
     * @param platformVersion {@code CL_PLATFORM_VERSION}
     * @param platformProfile {@code CL_PLATFORM_PROFILE}, {@code FULL_PROFILE} or {@code EMBEDDED_PROFILE}
     * @param typeBits {@code CL_DEVICE_TYPE}'s bits, 0 outside OpenCL
     */
    public record OpenCl(int platformIndex, String platformName, String platformVendor, String platformVersion,
            String platformProfile, long typeBits) {
        /** Not an OpenCL device. */
        public static final OpenCl NONE = new OpenCl(-1, "", "", "", "", 0);

        /**
         * Checks the fields.
         *
         * @param platformIndex the platform's position, or -1
         * @param platformName the platform's name
         * @param platformVendor the platform's vendor
         * @param platformVersion the platform's version
         * @param platformProfile the platform's profile
         * @param typeBits the device type's bits, or 0
         */
        public OpenCl {
            Objects.requireNonNull(platformName, "platformName");
            Objects.requireNonNull(platformVendor, "platformVendor");
            Objects.requireNonNull(platformVersion, "platformVersion");
            Objects.requireNonNull(platformProfile, "platformProfile");
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
     * A device outside OpenCL.
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
    public DeviceInfo(String backend, int index, String name, DeviceType type, int computeUnits, long memoryBytes,
            String version, Limits limits) {
        this(backend, index, name, type, computeUnits, memoryBytes, version, limits, OpenCl.NONE);
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
     * @param opencl the OpenCL platform and type bits, {@link OpenCl#NONE} outside OpenCL
     */
    public DeviceInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(opencl, "opencl");
    }
}
