package dev.ranks.mpj;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Ranks inside an MPJ Express process: {@link #init(String[])} takes the arguments MPJ's starter
 * hands a program's {@code main} (rank, configuration, device name, then the program's own),
 * initialises MPJ and returns the program's arguments; jobs then run on the {@code mpj} device
 * ({@link MpjDevice}); {@link #finish(int)} ends the process's part. The launcher calls these
 * when it finds itself started by MPJ Express (see docs/mpj.md).
 *
 * <p>When the launcher started the job, the system property {@value #CONTROL_PROPERTY} names its
 * control socket and {@value #TOKEN_PROPERTY} the job's token: the rank then reports to it and is
 * halted with the job (see {@link MpjControl}). Without them (a job started with MPJ's own
 * {@code mpjrun}) MPJ's own failure semantics apply.
 *
 * <p>State is static, which is per rank: under {@code niodev} each rank is a JVM, and under
 * {@code multicore} MPJ loads each rank's classes in a class loader of its own.
 */
public final class Mpj {
    /** System property naming the launcher's control socket, {@code host:port}. */
    public static final String CONTROL_PROPERTY = "ranks.mpj.control";
    /** System property holding the job's token, which the launcher checks in each rank's hello. */
    public static final String TOKEN_PROPERTY = "ranks.mpj.token";

    private static Session session;

    private Mpj() {
    }

    /**
     * What one process's rank knows about its MPJ job.
     *
     * @param world MPJ's world communicator
     * @param rank this rank
     * @param size the number of ranks
     * @param control the connection to the launcher, or null under plain {@code mpjrun}
     * @param device the name of MPJ's device, as its starter passed it ({@code niodev}, {@code smpdev}
     *     for multicore, {@code hybdev}, ...), or "" when unknown
     */
    record Session(mpi.Intracomm world, int rank, int size, MpjControl control, String device) {
        /**
         * Ends the job because a rank failed: through the launcher when there is one (never
         * returns), otherwise by returning the failure for the launcher in this process to print.
         *
         * @param failure what the rank's program threw
         * @return the job result naming this rank
         */
        JobResult failed(Throwable failure) {
            if (control != null) {
                control.fail('F', rank, "rank " + rank + " failed:\n" + stackTrace(failure));
            }
            return new JobResult(JobResult.Outcome.FAILED, rank, failure, 0);
        }

        /**
         * Ends the job because a rank called abort; never returns.
         *
         * @param code the abort code
         * @return never returns
         */
        RanksException abort(int code) {
            RanksException where = new RanksException(ErrorClass.ABORTED, rank, "rank " + rank + " called abort("
                    + code + ")", null);
            String report = "rank " + rank + " failed: called abort(" + code + ")";
            if (control != null) {
                control.fail('A', code, report + "\n" + stackTrace(where));
            } else {
                // Without the launcher nothing can release the other ranks: end this process
                // loudly, which is what MPJ Express's own Abort does.
                System.err.println(report);
                System.err.flush();
                Runtime.getRuntime().halt(code == 0 ? 1 : code);
            }
            return where;
        }
    }

    /**
     * Initialises MPJ Express for this rank: connects to the launcher first (when started by it),
     * so that even a failing {@code MPI.Init} is reported, then calls {@code MPI.Init}.
     *
     * @param mpjArgs the arguments MPJ handed {@code main}
     * @return the program's own arguments
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when MPJ cannot start or the launcher is unreachable
     */
    public static synchronized String[] init(String[] mpjArgs) {
        if (session != null) {
            throw new RanksException(ErrorClass.USAGE, session.rank(), "MPJ Express is initialised already in rank "
                    + session.rank() + ": expected one init per rank", null);
        }
        int rank = mpjRank(mpjArgs);
        String address = System.getProperty(CONTROL_PROPERTY);
        MpjControl control = address == null ? null
                : MpjControl.connect(address, System.getProperty(TOKEN_PROPERTY, ""), rank);
        if (control != null) {
            // Under multicore the ranks share System.err: each rank's launcher command line takes
            // the stream set when it is built, right after this, so its lines go over its own
            // connection; other threads' go over the last rank's.
            System.setErr(control.stderr());
        }
        try {
            String[] rest = mpi.MPI.Init(mpjArgs);
            mpi.Intracomm world = mpi.MPI.COMM_WORLD;
            session = new Session(world, world.Rank(), world.Size(), control, mpjArgs.length > 2 ? mpjArgs[2] : "");
            if (control != null) {
                control.ranked(session.rank());
            }
            return rest;
        } catch (RuntimeException | LinkageError e) {
            RanksException failure = new RanksException(ErrorClass.UNAVAILABLE, rank, "MPJ Express failed to start rank "
                    + rank + " with arguments " + Arrays.toString(Arrays.copyOf(mpjArgs, Math.min(3, mpjArgs.length)))
                    + ": " + e, e);
            if (control != null) {
                control.fail('F', rank, "rank " + rank + " failed:\n" + stackTrace(failure));
            }
            throw failure;
        }
    }

    /**
     * @return the number of ranks MPJ Express started
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) before {@link #init(String[])}
     */
    public static int size() {
        return session().size();
    }

    /**
     * Ends this rank's part after its program returned. With a launcher, reports the exit code
     * and lets the launcher end the job; a non-zero code ends the job as a failure. Without one,
     * a rank that failed halts its process, since MPI_Finalize would wait for ranks that may
     * never get there, and a rank that completed calls MPI_Finalize.
     *
     * @param exitCode the launcher's exit code for this rank
     */
    public static void finish(int exitCode) {
        Session s = session();
        System.out.flush();
        System.err.flush();
        if (s.control() != null) {
            s.control().done(exitCode);
        } else if (exitCode != 0) {
            Runtime.getRuntime().halt(exitCode);
        }
        if (exitCode == 0) {
            mpi.MPI.Finalize();
        }
    }

    /**
     * @return this rank's session
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when MPJ Express did not start this process
     */
    static synchronized Session session() {
        if (session == null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "the mpj device runs only in a process MPJ Express"
                    + " started: run 'launcher --device mpj ...' (see docs/mpj.md) or start the launcher jar with mpjrun");
        }
        return session;
    }

    /**
     * MPJ's first argument is the rank for niodev and multicore; hybdev's numbers each host's ranks
     * from 0 (the launcher learns the world rank after MPI.Init), and -1 says unknown.
     */
    private static int mpjRank(String[] mpjArgs) {
        try {
            return mpjArgs.length > 0 ? Integer.parseInt(mpjArgs[0]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
