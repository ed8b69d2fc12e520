package dev.ranks.launcher;

import dev.ranks.mpi.Mpi;
import dev.ranks.mpi.MpiImplementation;

/**
 * The launcher as one rank of an MPI job: a launcher given {@code --device mpi} in a process that an
 * MPI starter started ({@link MpiImplementation#startedAsRank(java.util.Map)}), whether
 * {@code launcher --device mpi} started the job ({@link MpiJob}) or the user's own {@code mpirun},
 * {@code mpiexec} or {@code srun}. {@link #init(MpiImplementation)} initialises MPI before the job's
 * size is read, the command runs its job on the {@code mpi} device, and {@code main} hands the exit
 * code to {@link #finish(int)}: MPI_Finalize on 0, MPI_Abort with the code otherwise, which ends
 * every rank of the job.
 *
 * <p>One process is one rank, so the state here is the process's.
 */
final class MpiRank {
    private static volatile boolean active;

    private MpiRank() {
    }

    /**
     * @return whether an MPI starter started this process, so that {@code --device mpi} runs this
     *     process's rank rather than starting a job
     */
    static boolean startedAsRank() {
        return MpiImplementation.startedAsRank(System.getenv());
    }

    /** @return whether this process runs a rank of an MPI job: {@link #init(MpiImplementation)} has run */
    static boolean active() {
        return active;
    }

    /**
     * Initialises MPI in this process.
     *
     * @param named the implementation {@code --mpi} names, or null for the one the starter's
     *     environment shows ({@link MpiImplementation#of(java.util.Map)})
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#UNAVAILABLE}) when MPI
     *     cannot be loaded or initialised
     */
    static void init(MpiImplementation named) {
        if (named != null) {
            // Mpi.init reads the implementation from this property, which MpiJob sets on the ranks it
            // starts; a user's own mpirun sets none, so the command line's choice goes the same way.
            System.setProperty(MpiImplementation.PROPERTY, named.label());
        }
        Mpi.init();
        active = true;
    }

    /** @return the number of ranks the starter started; valid when {@link #active()} */
    static int size() {
        return Mpi.size();
    }

    /**
     * Ends this rank's part of the job: MPI_Finalize after success, MPI_Abort with the exit code
     * otherwise (the starter ends every rank and exits with it). Does nothing when MPI was not
     * initialised, as for a command that ran no job.
     *
     * @param exitCode the launcher's exit code in this rank
     */
    static void finish(int exitCode) {
        if (active) {
            Mpi.finish(exitCode);
        }
    }
}
