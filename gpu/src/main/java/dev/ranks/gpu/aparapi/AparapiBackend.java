package dev.ranks.gpu.aparapi;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.opencl.OpenCLLoader;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import dev.ranks.gpu.spi.NativeGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code aparapi} backend: Aparapi's OpenCL devices. The probe lists them, then compiles and runs
 * a vector add on the first: where Aparapi would fall back to its Java thread pool (30–40 times slower
 * than a plain loop) the backend is unavailable instead.
 */
public final class AparapiBackend implements ComputeBackend {
    /** The backend's name. */
    public static final String NAME = "aparapi";

    private Availability availability;
    private final List<DeviceInfo> infos = new ArrayList<>();
    private final List<OpenCLDevice> devices = new ArrayList<>();

    /** Creates the backend without touching Aparapi; ServiceLoader calls this. */
    public AparapiBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Availability availability() {
        if (availability == null) {
            availability = probe();
        }
        return availability;
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        return availability().available() ? List.copyOf(infos) : List.of();
    }

    @Override
    public synchronized Device open(int index) {
        Availability a = availability();
        if (!a.available()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "backend aparapi is unavailable: " + a.detail());
        }
        if (index < 0 || index >= infos.size()) {
            throw new RanksException(ErrorClass.ARG, "aparapi device " + index + ": expected 0 to " + (infos.size() - 1));
        }
        return new AparapiDevice(infos.get(index), devices.get(index));
    }

    private Availability probe() {
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
                                        + d.getOpenCLPlatform().getName() + ")"));
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
