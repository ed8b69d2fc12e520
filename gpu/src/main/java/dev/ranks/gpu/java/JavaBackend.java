package dev.ranks.gpu.java;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import java.util.List;

/**
 * The {@code java} backend: one device, this JVM's common fork-join pool, running every kernel as a
 * parallel stream. Its "device memory" is heap arrays, so its transfers are array copies.
 */
public final class JavaBackend implements ComputeBackend {
    /** The backend's name. */
    public static final String NAME = "java";

    /** Creates the backend; ServiceLoader calls this. */
    public JavaBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Availability availability() {
        return Availability.available("parallel streams on " + Runtime.getRuntime().availableProcessors()
                + " processors");
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(info());
    }

    @Override
    public Device open(int index) {
        if (index != 0) {
            throw new RanksException(ErrorClass.ARG, "java device " + index + ": expected 0, its only device");
        }
        return new JavaDevice(info());
    }

    private static DeviceInfo info() {
        return new DeviceInfo(NAME, 0, "parallel streams (common fork-join pool)", DeviceType.CPU,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                "Java " + Runtime.version());
    }
}
