package dev.ranks.comm.spi;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.RankMain;
import dev.ranks.comm.Settings;

/** A way of running ranks and moving their messages; registered as a {@link java.util.ServiceLoader} service. */
public interface Device {
    /** @return the name users select this device by, such as {@code local} */
    String name();

    /**
     * Runs the ranks this process hosts and waits until the job ends.
     *
     * @param size the number of ranks in the job
     * @param settings how the job runs
     * @param main what each rank runs; it is handed a communicator built on {@link Endpoint}s
     * @param binder turns an endpoint into the communicator handed to {@code main}
     * @return how the job ended
     */
    JobResult run(int size, Settings settings, RankMain main, CommBinder binder);
}
