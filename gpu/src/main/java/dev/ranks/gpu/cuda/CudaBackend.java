package dev.ranks.gpu.cuda;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import dev.ranks.gpu.spi.ProbedBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jcuda.CudaException;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;
import jcuda.nvrtc.JNvrtc;

/**
 * The {@code cuda} backend: NVIDIA GPUs through the driver API. Available when libcuda loads, a device
 * exists, and the catalog can be had: the PTX resource that {@code gpu/build-ptx.sh} writes, or NVRTC
 * to compile the CUDA C source at open.
 */
public final class CudaBackend extends ProbedBackend {
    /** The backend's name. */
    public static final String NAME = "cuda";
    /** The catalog compiled ahead by nvcc, where gpu/build-ptx.sh has run. */
    static final String PTX = "kernels.ptx";
    /** The catalog's CUDA C source, for NVRTC. */
    static final String SOURCE = "kernels.cu";

    /** Creates the backend without touching CUDA; ServiceLoader calls this. */
    public CudaBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Device openDevice(int index, DeviceInfo info) {
        try {
            return new CudaDevice(info, index, catalog());
        } catch (CudaException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cuda device " + index + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    @Override
    protected Availability probe(List<DeviceInfo> infos) {
        int driver;
        int count;
        try {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            int[] value = new int[1];
            JCudaDriver.cuDriverGetVersion(value);
            driver = value[0];
            JCudaDriver.cuDeviceGetCount(value);
            count = value[0];
        } catch (LinkageError e) {
            String message = String.valueOf(e.getMessage());
            return Availability.unavailable(message.contains("libcuda")
                    ? "no CUDA driver: libcuda.so.1 (the NVIDIA driver's library) is not installed"
                    : "no CUDA driver: JCuda's native library cannot be loaded (" + message + ")");
        } catch (CudaException e) {
            return Availability.unavailable(reason(e.getMessage()));
        } catch (RuntimeException e) {
            return Availability.unavailable("the CUDA probe failed: " + e);
        }
        if (count == 0) {
            return Availability.unavailable("no CUDA device: the driver reports none");
        }
        String version = "CUDA driver " + driver / 1000 + "." + driver % 1000 / 10;
        for (int i = 0; i < count; i++) {
            infos.add(describe(i, version));
        }
        if (resource(PTX) == null && !nvrtcAvailable()) {
            return Availability.unavailable("no PTX: the gpu jar lacks dev/ranks/gpu/cuda/" + PTX + " (run gpu/build-ptx.sh"
                    + " where nvcc is) and NVRTC (libnvrtc) is not installed to compile " + SOURCE);
        }
        return Availability.available(version + ", catalog from " + (resource(PTX) != null ? "PTX" : "NVRTC"));
    }

    private static DeviceInfo describe(int ordinal, String version) {
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, ordinal);
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, device);
        long[] memory = new long[1];
        JCudaDriver.cuDeviceTotalMem(memory, device);
        int[] value = new int[1];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device);
        int sms = value[0];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        int major = value[0];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        int minor = value[0];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE, device);
        int clockMHz = value[0] / 1000;
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK,
                device);
        long shared = value[0];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_TOTAL_CONSTANT_MEMORY, device);
        long constant = value[0] & 0xffffffffL;
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK, device);
        return new DeviceInfo(NAME, ordinal, cString(name), DeviceType.GPU, sms, memory[0],
                version + ", compute capability " + major + "." + minor,
                new DeviceInfo.Limits(major + "." + minor, clockMHz, shared, constant, value[0], -1));
    }

    private static String reason(String error) {
        if (error.contains("NO_DEVICE")) {
            return "no CUDA device: " + error;
        }
        if (error.contains("INSUFFICIENT_DRIVER") || error.contains("COMPAT")) {
            return "the NVIDIA driver is too old for JCuda's CUDA 12.6 bindings: " + error;
        }
        return "CUDA error while probing: " + error;
    }

    static boolean nvrtcAvailable() {
        try {
            int[] major = new int[1];
            JNvrtc.nvrtcVersion(major, new int[1]);
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    // The catalog for cuModuleLoadData: the ahead-compiled PTX, else the CUDA C source for NVRTC.
    private static Catalog catalog() {
        byte[] ptx = resource(PTX);
        if (ptx != null) {
            return new Catalog(new String(ptx, StandardCharsets.UTF_8), true);
        }
        return new Catalog(new String(resource(SOURCE), StandardCharsets.UTF_8), false);
    }

    static byte[] resource(String name) {
        try (InputStream in = CudaBackend.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** The catalog's text: PTX, or CUDA C still to be compiled. */
    record Catalog(String text, boolean ptx) {
    }
}
