package dev.ranks.mpi;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RankMain;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.spi.CommBinder;
import dev.ranks.comm.spi.Device;

/**
 * The {@code mpi} device: each rank is a process an MPI starter launched ({@code mpirun},
 * {@code mpiexec}, {@code srun}), and messages and collectives go through the MPI library
 * ({@link MpiEndpoint}). It runs the one rank of the process it is called in, initialising MPI
 * first when nobody has ({@link Mpi#init()}). No deadlock diagnosis: inside MPI a blocked rank
 * cannot be told from a slow one; {@code --timeout} bounds a job instead.
 */
public final class MpiDevice implements Device {
    /** Creates the device; used by {@link java.util.ServiceLoader}. */
    public MpiDevice() {
    }

    @Override
    public String name() {
        return "mpi";
    }

    @Override
    public JobResult run(int size, Settings settings, RankMain main, CommBinder binder) {
        Mpi.init();
        if (size != Mpi.size()) {
            throw new RanksException(ErrorClass.USAGE, Mpi.rank(), "job size " + size + " does not match the "
                    + Mpi.size() + " ranks the MPI starter started: expected -n " + Mpi.size(), null);
        }
        MpiEndpoint endpoint = new MpiEndpoint(settings);
        try {
            main.run(binder.bind(endpoint));
            endpoint.close();
        } catch (Throwable t) {
            return new JobResult(JobResult.Outcome.FAILED, Mpi.rank(), t, 0);
        }
        return JobResult.completed();
    }
}
