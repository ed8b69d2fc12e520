package dev.ranks.mpi;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The MPI library of this process: {@link #init()} loads the JNI shim (compiling it with the
 * implementation's {@code mpicc} on first use, see {@link NativeShim}) and initialises MPI;
 * jobs then run on the {@code mpi} device ({@link MpiDevice}); {@link #finish(int)} ends this
 * rank's part. The launcher calls these when it finds itself started as a rank by an MPI starter
 * ({@link MpiImplementation#startedAsRank(java.util.Map)}); programs started by a user's own
 * {@code mpirun} reach them the same way.
 *
 * <p>One process is one rank, so the state here is the process's.
 */
public final class Mpi {
    /** System property asking for MPI_THREAD_MULTIPLE ({@code multiple}) so that any thread may communicate. */
    public static final String THREADS_PROPERTY = "ranks.mpi.threads";
    /** Environment variable with the same meaning as {@link #THREADS_PROPERTY}. */
    public static final String THREADS_ENVIRONMENT = "RANKS_MPI_THREADS";

    private static MpiImplementation implementation;
    private static int rank = -1;
    private static int size;
    private static boolean threadMultiple;
    private static int threadLevel;
    private static boolean finished;

    private Mpi() {
    }

    /**
     * Initialises MPI in this process at MPI_THREAD_SINGLE (only the rank's own thread
     * communicates), or the level {@value #THREADS_PROPERTY} or {@value #THREADS_ENVIRONMENT}
     * names: {@code serialized}, or {@code multiple} so that any thread may communicate (at some
     * cost in latency); a second call does nothing.
     *
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the implementation, its compiler
     *     or its headers are missing (naming the packages to install), or MPI_Init fails
     */
    public static synchronized void init() {
        if (implementation != null) {
            return;
        }
        MpiImplementation impl = MpiImplementation.of(System.getenv());
        NativeShim.load(impl);
        int provided = MpiNative.init(threadsWanted());
        if (provided < 0) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "MPI_Init_thread failed under " + impl.label() + ": "
                    + MpiNative.errorString(-provided));
        }
        threadMultiple = provided >= MpiNative.THREAD_MULTIPLE;
        threadLevel = provided;
        rank = MpiNative.worldRank();
        size = MpiNative.worldSize();
        implementation = impl;
    }

    /**
     * Builds the JNI shim for an implementation without loading it, so that a launcher can report
     * a missing MPI, compiler or JDK header once, before it starts any rank, and the ranks then find
     * the shim built.
     *
     * @param implementation the implementation the job will run on
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) naming what to install
     */
    public static void prepare(MpiImplementation implementation) {
        NativeShim.build(implementation);
    }

    /**
     * The thread level to ask for. By default MPI_THREAD_SINGLE: only the rank's own thread calls
     * MPI (the endpoint enforces it; the JVM's other threads never do), which is all the library
     * needs to know, and Open MPI 4.1 takes locks on its progress path at every level above it
     * (8 B ping-pong in C: about 0.31 against 0.37 us one-way at MPI_THREAD_SERIALIZED or
     * FUNNELED; MPICH measures alike at every level). Open MPI's own Java bindings initialised
     * the JVM at the same level. {@code serialized} asks for MPI_THREAD_SERIALIZED, for a process
     * whose other native code may call MPI between the rank's calls; {@code multiple} for
     * MPI_THREAD_MULTIPLE, so that any thread may communicate.
     */
    private static int threadsWanted() {
        String wanted = System.getProperty(THREADS_PROPERTY, System.getenv(THREADS_ENVIRONMENT));
        if (wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase("single")) {
            return MpiNative.THREAD_SINGLE;
        }
        if (wanted.equalsIgnoreCase("serialized")) {
            return MpiNative.THREAD_SERIALIZED;
        }
        if (wanted.equalsIgnoreCase("multiple")) {
            return MpiNative.THREAD_MULTIPLE;
        }
        throw new RanksException(ErrorClass.USAGE, "MPI thread level '" + wanted + "' (" + THREADS_PROPERTY + " or "
                + THREADS_ENVIRONMENT + ") is invalid: expected single, serialized or multiple");
    }

    /** @return whether {@link #init()} has run in this process */
    public static synchronized boolean initialized() {
        return implementation != null;
    }

    /**
     * @return this process's rank in MPI_COMM_WORLD
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) before {@link #init()}
     */
    public static int rank() {
        check();
        return rank;
    }

    /**
     * @return the number of ranks in MPI_COMM_WORLD
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) before {@link #init()}
     */
    public static int size() {
        check();
        return size;
    }

    /**
     * @return the implementation this process runs on
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) before {@link #init()}
     */
    public static MpiImplementation implementation() {
        check();
        return implementation;
    }

    /**
     * @return the library's own description (MPI_Get_library_version), first line
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) before {@link #init()}
     */
    public static String libraryVersion() {
        check();
        return MpiNative.libraryVersion().strip().lines().findFirst().orElse("");
    }

    /**
     * Hands every rank the value rank 0 passes ({@code MPI_Bcast} on {@code MPI_COMM_WORLD}): a
     * collective call, which every rank of the job must make, before the job starts or after it
     * ended. A traced job takes its trace's epoch from rank 0 this way, so that the ranks' parts
     * share one time base.
     *
     * @param value this rank's value; only rank 0's counts
     * @return rank 0's value
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when MPI is not initialised, or when
     *     {@code MPI_Bcast} fails
     */
    public static long broadcastFromRankZero(long value) {
        check();
        long[] v = {value};
        int rc = MpiNative.bcast(0, 0, ElementType.LONG.ordinal(), v, 0, 1);
        if (rc != 0) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "MPI_Bcast on MPI_COMM_WORLD failed: "
                    + MpiNative.errorString(rc));
        }
        return v[0];
    }

    /**
     * How this process calls MPI (docs/mpi.md, "Binding"): {@code ffm} through the FFM API on Java
     * 22 or later with native access enabled, else {@code jni}; {@code ranks.mpi.binding} or
     * {@code RANKS_MPI_BINDING} may choose.
     *
     * @return {@code ffm} or {@code jni}
     * @throws RanksException ({@link ErrorClass#USAGE}) when the setting names no binding, or names
     *     {@code ffm} where it cannot be used, saying why; ({@link ErrorClass#UNAVAILABLE}) before
     *     {@link #init()}, when the shim the FFM calls go to is not loaded yet
     */
    public static String binding() {
        check();
        return DirectCalls.enabled() ? "ffm" : "jni";
    }

    /**
     * @return the thread level the library gave, by its name in the MPI standard
     *     ({@code MPI_THREAD_SINGLE} unless {@value #THREADS_PROPERTY} asked for another)
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) before {@link #init()}
     */
    public static String threadLevel() {
        check();
        return switch (threadLevel) {
            case 0 -> "MPI_THREAD_SINGLE";
            case 1 -> "MPI_THREAD_FUNNELED";
            case 2 -> "MPI_THREAD_SERIALIZED";
            default -> "MPI_THREAD_MULTIPLE";
        };
    }

    /** @return whether the library gave MPI_THREAD_MULTIPLE, so any thread may communicate */
    static boolean threadMultiple() {
        return threadMultiple;
    }

    /**
     * Ends this rank's part after its program returned: flushes the standard streams, then calls
     * MPI_Finalize when the exit code is 0, and otherwise ends the whole job with
     * MPI_Abort(exitCode), since other ranks may wait for this one forever. A second call does
     * nothing.
     *
     * @param exitCode the launcher's exit code for this rank
     */
    public static synchronized void finish(int exitCode) {
        check();
        if (finished) {
            return;
        }
        finished = true;
        System.out.flush();
        System.err.flush();
        if (exitCode != 0) {
            abort(exitCode);
        }
        MpiNative.finish();
    }

    /**
     * Ends the whole job because this rank failed: prints {@code rank R failed:} and the stack
     * trace on standard error, then calls MPI_Abort, which the starter turns into the end of every
     * rank. Never returns.
     *
     * @param failure what the rank threw
     * @param code the abort code, the job's exit status
     * @return never returns; declared so callers can write {@code throw Mpi.fail(...)}
     */
    public static RuntimeException fail(Throwable failure, int code) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        System.out.flush();
        System.err.println("rank " + rank + " failed:\n" + text.toString().stripTrailing());
        System.err.flush();
        abort(code);
        throw new IllegalStateException("MPI_Abort returned");
    }

    /** How long a failing rank's report gets to reach the starter before MPI_Abort ends every process. */
    private static final long REPORT_MILLIS = 300;

    /**
     * Ends the whole job with MPI_Abort once this rank's last output has had time to travel: a
     * starter relays a rank's output through its proxies (Hydra's, over ssh from other hosts), and
     * MPI_Abort kills them, so a report written just before could be lost on its way.
     *
     * @param code the abort code
     */
    static void abort(int code) {
        System.out.flush();
        System.err.flush();
        try {
            Thread.sleep(REPORT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MpiNative.abortJob(code);
    }

    private static void check() {
        if (implementation == null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "the mpi device runs only in a process an MPI starter"
                    + " started and Mpi.init() initialised: run 'launcher --device mpi -n N ...' (see docs/mpi.md)"
                    + " or start the launcher with mpirun");
        }
    }
}
