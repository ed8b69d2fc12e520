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
 */
public record DeviceInfo(String backend, int index, String name, DeviceType type, int computeUnits,
        long memoryBytes, String version) {
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
     */
    public DeviceInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
    }
}
