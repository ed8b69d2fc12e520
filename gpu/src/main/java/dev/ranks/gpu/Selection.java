package dev.ranks.gpu;

import java.util.List;
import java.util.Objects;

/**
 * A chosen backend and the devices to use on it, from {@link Backends#select(String)}.
 *
 * @param backend the backend
 * @param devices its devices that the choice allows, at least one
 */
public record Selection(ComputeBackend backend, List<DeviceInfo> devices) {
    /**
     * Checks and copies the fields.
     *
     * @param backend the backend
     * @param devices the devices to use, at least one
     */
    public Selection {
        Objects.requireNonNull(backend, "backend");
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("a selection needs a device");
        }
    }

    /**
     * The device a rank uses: rank r gets device r mod the number of devices.
     *
     * @param rank the rank, 0 or more
     * @return that device's description
     */
    public DeviceInfo deviceFor(int rank) {
        return devices.get(Math.floorMod(rank, devices.size()));
    }

    /**
     * Opens the device a rank uses.
     *
     * @param rank the rank, 0 or more
     * @return the opened device, to be closed by the caller
     * @throws dev.ranks.comm.RanksException ({@code UNAVAILABLE}) when it cannot be opened
     */
    public Device open(int rank) {
        return backend.open(deviceFor(rank).index());
    }
}
