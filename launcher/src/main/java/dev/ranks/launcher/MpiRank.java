package dev.ranks.launcher;

import dev.ranks.collectives.IntracommMain;
import dev.ranks.collectives.Op;
import dev.ranks.comm.JobTrace;
import dev.ranks.mpi.Mpi;
import dev.ranks.mpi.MpiImplementation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * This rank's part of a traced job, whose epoch is rank 0's clock: a collective call that every
     * rank makes before the job starts, whoever started the ranks.
     *
     * @return the trace this rank records into
     */
    static JobTrace trace() {
        return new JobTrace(Mpi.broadcastFromRankZero(new JobTrace().epoch()));
    }

    /**
     * A traced job's program: the program, then every rank's part gathered to rank 0, which writes
     * the trace file. A job that fails ends at MPI_Abort before this, and leaves no trace.
     *
     * @param program the job's program
     * @param trace this rank's trace ({@link #trace()})
     * @param file the file {@code --trace} names
     * @param err where rank 0 reports a failure to write it
     * @return the program with the gathering after it
     */
    static IntracommMain gatheringTrace(IntracommMain program, JobTrace trace, Path file, PrintWriter err) {
        return world -> {
            program.run(world);
            List<String> parts = world.gather(trace.part(), 0);
            long[] dropped = new long[1];
            world.reduce(new long[] {trace.dropped()}, dropped, Op.SUM, 0);
            if (world.rank() == 0) {
                TraceOutput.open(file).write(parts, dropped[0], err);
            }
        };
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
