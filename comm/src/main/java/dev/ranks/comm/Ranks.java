package dev.ranks.comm;

import dev.ranks.comm.spi.CommBinder;
import dev.ranks.comm.spi.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Starts jobs: {@code Ranks.run(4, comm -> ...)} runs the lambda as 4 ranks and returns how the
 * job ended. The device is chosen by name in {@link Settings#device()}.
 */
public final class Ranks {
    private Ranks() {
    }

    /**
     * Runs a job on the local device with default settings.
     *
     * @param size the number of ranks, at least 1
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult run(int size, RankMain main) {
        return run(size, Settings.defaults(), main);
    }

    /**
     * Runs a job.
     *
     * @param size the number of ranks, at least 1
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult run(int size, Settings settings, RankMain main) {
        return run(size, settings, main, Comm::new);
    }

    /**
     * Runs a job whose ranks are handed a communicator built by {@code binder}, so that modules
     * above {@code comm} can hand out their own subclass of {@link Comm}.
     *
     * @param size the number of ranks, at least 1
     * @param settings how the job runs
     * @param main what each rank runs
     * @param binder builds each rank's world communicator
     * @return how the job ended
     */
    public static JobResult run(int size, Settings settings, RankMain main, CommBinder binder) {
        if (size < 1) {
            throw new RanksException(ErrorClass.USAGE, "job size " + size + " is invalid: expected at least 1 rank");
        }
        return device(settings.device()).run(size, settings, main, binder);
    }

    /**
     * Finds a device by name.
     *
     * @param name such as {@code local}
     * @return the device
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) naming the devices there are
     */
    public static Device device(String name) {
        List<String> names = new ArrayList<>();
        for (Device device : ServiceLoader.load(Device.class, Ranks.class.getClassLoader())) {
            if (device.name().equals(name)) {
                return device;
            }
            names.add(device.name());
        }
        throw new RanksException(ErrorClass.UNAVAILABLE, "unknown device '" + name + "': expected one of " + names);
    }
}
