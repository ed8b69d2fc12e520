package dev.ranks.gpu.opencl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import dev.ranks.gpu.spi.NativeGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The {@code opencl} backend: every device of every OpenCL platform the ICD loader finds, through
 * JOCL, whose native library ships inside its jar. The probe runs once, on first use.
 */
public final class OpenClBackend implements ComputeBackend {
    /** The backend's name. */
    public static final String NAME = "opencl";

    private Probe probe;

    /** Creates the backend without touching OpenCL; ServiceLoader calls this. */
    public OpenClBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hostBuffers() {
        return true;
    }

    @Override
    public synchronized Availability availability() {
        return probe().availability;
    }

    @Override
    public synchronized List<DeviceInfo> devices() {
        return List.copyOf(probe().infos);
    }

    @Override
    public synchronized Device open(int index) {
        Probe p = probe();
        if (!p.availability.available()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "backend opencl is unavailable: " + p.availability.detail());
        }
        if (index < 0 || index >= p.infos.size()) {
            throw new RanksException(ErrorClass.ARG, "opencl device " + index + ": expected 0 to " + (p.infos.size() - 1));
        }
        try {
            return new OpenClDevice(p.infos.get(index), p.platforms.get(index), p.ids.get(index));
        } catch (CLException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "opencl device " + index + " ("
                    + p.infos.get(index).name() + ") cannot be opened: " + e.getMessage(), e);
        }
    }

    private Probe probe() {
        if (probe == null) {
            probe = Probe.run();
        }
        return probe;
    }

    /** What the probe found: per device, its description, platform and id. */
    private static final class Probe {
        Availability availability;
        final List<DeviceInfo> infos = new ArrayList<>();
        final List<cl_platform_id> platforms = new ArrayList<>();
        final List<cl_device_id> ids = new ArrayList<>();

        private Probe(Availability availability) {
            this.availability = availability;
        }

        static Probe run() {
            Optional<String> hazard = NativeGuard.openclHazard();
            if (hazard.isPresent()) {
                return new Probe(Availability.unavailable(hazard.get()));
            }
            try {
                return enumerate();
            } catch (LinkageError e) {
                return new Probe(Availability.unavailable(linkageReason(e)));
            } catch (CLException e) {
                return new Probe(Availability.unavailable(describe(e)));
            } catch (RuntimeException e) {
                return new Probe(Availability.unavailable("the OpenCL probe failed: " + e));
            }
        }

        private static Probe enumerate() {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            try {
                CL.clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                if (e.getStatus() == CL.CL_PLATFORM_NOT_FOUND_KHR) {
                    return noPlatform();
                }
                throw e;
            }
            if (count[0] == 0) {
                return noPlatform();
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            CL.clGetPlatformIDs(count[0], platforms, null);
            List<String> names = new ArrayList<>();
            Probe found = new Probe(null);
            for (int p = 0; p < platforms.length; p++) {
                cl_platform_id platform = platforms[p];
                String platformName = Info.platformString(platform, CL.CL_PLATFORM_NAME);
                String platformVersion = Info.platformString(platform, CL.CL_PLATFORM_VERSION);
                names.add(platformName + " " + platformVersion);
                for (cl_device_id id : deviceIds(platform)) {
                    long typeBits = Info.deviceLong(id, CL.CL_DEVICE_TYPE);
                    found.platforms.add(platform);
                    found.ids.add(id);
                    found.infos.add(new DeviceInfo(NAME, found.infos.size(), Info.deviceString(id, CL.CL_DEVICE_NAME).strip(),
                            type(typeBits), Info.deviceInt(id, CL.CL_DEVICE_MAX_COMPUTE_UNITS),
                            Info.deviceLong(id, CL.CL_DEVICE_GLOBAL_MEM_SIZE),
                            Info.deviceString(id, CL.CL_DEVICE_VERSION) + ", driver "
                                    + Info.deviceString(id, CL.CL_DRIVER_VERSION) + " (" + platformName + ")",
                            new DeviceInfo.Limits("", Info.deviceInt(id, CL.CL_DEVICE_MAX_CLOCK_FREQUENCY),
                                    Info.deviceLong(id, CL.CL_DEVICE_LOCAL_MEM_SIZE),
                                    Info.deviceLong(id, CL.CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE),
                                    Info.deviceLong(id, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE),
                                    Info.deviceLong(id, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE)),
                            new DeviceInfo.OpenCl(p, platformName, Info.platformString(platform, CL.CL_PLATFORM_VENDOR),
                                    platformVersion, Info.platformString(platform, CL.CL_PLATFORM_PROFILE), typeBits)));
                }
            }
            found.availability = found.infos.isEmpty()
                    ? Availability.unavailable("OpenCL platforms " + names + " have no device")
                    : Availability.available(String.join("; ", names));
            return found;
        }

        private static cl_device_id[] deviceIds(cl_platform_id platform) {
            int[] n = new int[1];
            try {
                CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, n);
            } catch (CLException e) {
                if (e.getStatus() == CL.CL_DEVICE_NOT_FOUND) {
                    return new cl_device_id[0];
                }
                throw e;
            }
            cl_device_id[] ids = new cl_device_id[n[0]];
            CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, n[0], ids, null);
            return ids;
        }

        // JOCL dlopens "libOpenCL.so", the development link, which Debian's ICD loader package lacks.
        private static String linkageReason(LinkageError e) {
            boolean runtimeOnly = Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")
                    .anyMatch(dir -> Files.exists(Path.of(dir, "libOpenCL.so.1")) && !Files.exists(Path.of(dir, "libOpenCL.so")));
            if (runtimeOnly) {
                return "JOCL loads libOpenCL.so but only libOpenCL.so.1 is installed: install the link"
                        + " (Debian: ocl-icd-opencl-dev)";
            }
            return "JOCL's native library or libOpenCL.so cannot be loaded (" + e.getMessage() + "): install an"
                    + " OpenCL ICD loader (Debian: ocl-icd-libopencl1 ocl-icd-opencl-dev) and a driver";
        }

        private static Probe noPlatform() {
            List<String> icds = NativeGuard.icdFiles().stream().map(Object::toString).toList();
            return new Probe(Availability.unavailable("no OpenCL platform: the ICD loader found "
                    + (icds.isEmpty() ? "no .icd file" : "no working driver in " + icds)
                    + " (install a driver, e.g. Debian's pocl-opencl-icd for the CPU)"));
        }

        private static String describe(CLException e) {
            return "OpenCL error " + CL.stringFor_errorCode(e.getStatus()) + " while probing: " + e.getMessage();
        }

        private static DeviceType type(long bits) {
            if ((bits & CL.CL_DEVICE_TYPE_GPU) != 0) {
                return DeviceType.GPU;
            }
            if ((bits & CL.CL_DEVICE_TYPE_CPU) != 0) {
                return DeviceType.CPU;
            }
            return DeviceType.ACCELERATOR;
        }
    }
}
