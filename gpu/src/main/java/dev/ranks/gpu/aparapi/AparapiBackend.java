package dev.ranks.gpu.aparapi;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.opencl.OpenCLLoader;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import dev.ranks.gpu.spi.NativeGuard;
import dev.ranks.gpu.spi.ProbedBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code aparapi} backend: Aparapi's OpenCL devices. The probe lists them, then compiles and runs
 * a vector add on the first: where Aparapi would fall back to its Java thread pool (30–40 times slower
 * than a plain loop) the backend is unavailable instead.
 */
public final class AparapiBackend extends ProbedBackend {
    /** The backend's name. */
    public static final String NAME = "aparapi";

    private final List<OpenCLDevice> devices = new ArrayList<>();

    /** Creates the backend without touching Aparapi; ServiceLoader calls this. */
    public AparapiBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Device openDevice(int index, DeviceInfo info) {
        return new AparapiDevice(info, devices.get(index));
    }

    @Override
    protected Availability probe(List<DeviceInfo> infos) {
        Optional<String> hazard = NativeGuard.openclHazard();
        if (hazard.isPresent()) {
            return Availability.unavailable(hazard.get());
        }
        try {
            if (!OpenCLLoader.isOpenCLAvailable()) {
                return Availability.unavailable("no OpenCL platform for Aparapi: its native library or libOpenCL did not"
                        + " load, or the ICD loader found no driver");
            }
            for (com.aparapi.device.Device.TYPE type : List.of(com.aparapi.device.Device.TYPE.GPU,
                    com.aparapi.device.Device.TYPE.CPU, com.aparapi.device.Device.TYPE.ACC)) {
                List<OpenCLDevice> found = OpenCLDevice.listDevices(type);
                if (found != null) {
                    for (OpenCLDevice d : found) {
                        devices.add(d);
                        infos.add(new DeviceInfo(NAME, infos.size(), d.getName().strip(), type(type), d.getMaxComputeUnits(),
                                d.getGlobalMemSize(), d.getOpenCLPlatform().getVersion() + " ("
                                        + d.getOpenCLPlatform().getName() + ")",
                                new DeviceInfo.Limits("", -1, d.getLocalMemSize(), -1, -1, d.getMaxMemAllocSize())));
                    }
                }
            }
            if (devices.isEmpty()) {
                return Availability.unavailable("no OpenCL platform with a device for Aparapi");
            }
            return trial(devices.get(0));
        } catch (LinkageError e) {
            return Availability.unavailable("Aparapi's native library cannot be loaded: " + e);
        } catch (RuntimeException e) {
            return Availability.unavailable("the Aparapi probe failed: " + e);
        }
    }

    // Aparapi's own check (isOpenCLAvailable) passes even where kernels then run on its thread pool.
    private Availability trial(OpenCLDevice device) {
        VecAddKernel kernel = new VecAddKernel();
        try {
            kernel.a = new float[] {1, 2};
            kernel.b = new float[] {3, 4};
            kernel.c = new float[2];
            kernel.n = 2;
            kernel.compile(device);
            kernel.execute(device.createRange(2, 1));
            if (!kernel.isRunningCL() || kernel.c[1] != 6) {
                return Availability.unavailable("Aparapi fell back to its Java thread pool on " + device.getName().strip());
            }
            return Availability.available(device.getOpenCLPlatform().getName() + " " + device.getOpenCLPlatform().getVersion());
        } catch (CompileFailedException e) {
            return Availability.unavailable("Aparapi cannot compile kernels for " + device.getName().strip() + ": "
                    + e.getMessage());
        } finally {
            kernel.dispose();
        }
    }

    private static DeviceType type(com.aparapi.device.Device.TYPE type) {
        return switch (type) {
            case GPU -> DeviceType.GPU;
            case CPU -> DeviceType.CPU;
            default -> DeviceType.ACCELERATOR;
        };
    }
}
