package dev.ranks.gpu.spi;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend whose probe runs once, on first use, and lists the devices it finds: the caching, the
 * device list and the checks of {@link #open(int)} that the native backends share.
 */
public abstract class ProbedBackend implements ComputeBackend {
    private Availability availability;
    private final List<DeviceInfo> infos = new ArrayList<>();

    /** Creates the backend without probing; ServiceLoader calls the subclass's constructor. */
    protected ProbedBackend() {
    }

    @Override
    public final synchronized Availability availability() {
        if (availability == null) {
            availability = probe(infos);
        }
        return availability;
    }

    @Override
    public final synchronized List<DeviceInfo> devices() {
        return availability().available() ? List.copyOf(infos) : List.of();
    }

    @Override
    public final synchronized Device open(int index) {
        Availability a = availability();
        if (!a.available()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "backend " + name() + " is unavailable: " + a.detail());
        }
        if (index < 0 || index >= infos.size()) {
            throw new RanksException(ErrorClass.ARG, name() + " device " + index + ": expected 0 to " + (infos.size() - 1));
        }
        return openDevice(index, infos.get(index));
    }

    /**
     * Probes the binding once; never throws. The devices it adds count only when it says available.
     *
     * @param devices where to add each device found, in index order
     * @return whether the backend can run, and why not
     */
    protected abstract Availability probe(List<DeviceInfo> devices);

    /**
     * Opens a device the probe found.
     *
     * @param index its index, already checked
     * @param info its description
     * @return the opened device
     * @throws RanksException ({@code UNAVAILABLE}) when the device cannot be opened
     */
    protected abstract Device openDevice(int index, DeviceInfo info);
}
