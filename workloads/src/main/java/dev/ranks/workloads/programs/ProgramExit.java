package dev.ranks.workloads.programs;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.RanksException;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} do in a user's class
 * loaded by a {@link RankClassLoader}: on the local device every rank is a thread of one JVM, so
 * ending the JVM would silently end every other rank too. Instead, as MPI's {@code MPI_Abort}:
 * a non-zero status aborts the job through the calling rank's communicator, and the launcher
 * reports {@code rank R failed: called abort(STATUS)}; status 0 ends the calling rank as if its
 * program had returned.
 *
 * <p>The static methods are called by rewritten bytecode ({@link ExitCalls}) and are public only
 * for that: not an API for programs, which call {@code System.exit} or
 * {@link dev.ranks.comm.Comm#abort(int)}.
 */
public final class ProgramExit extends Error {
    private static final long serialVersionUID = 1L;

    /** The status passed to {@code System.exit}. */
    private final int status;

    private ProgramExit(int status) {
        super("System.exit(" + status + ") ends this rank", null, false, false);
        this.status = status;
    }

    /** @return the status passed to {@code System.exit} */
    public int status() {
        return status;
    }

    /**
     * Replaces {@code System.exit(status)}.
     *
     * @param status the exit status
     */
    public static void exit(int status) {
        end(status);
    }

    /**
     * Replaces {@code Runtime.getRuntime().exit(status)}.
     *
     * @param runtime the runtime the call named
     * @param status the exit status
     */
    public static void exit(Runtime runtime, int status) {
        end(status);
    }

    /**
     * Replaces {@code Runtime.getRuntime().halt(status)}.
     *
     * @param runtime the runtime the call named
     * @param status the exit status
     */
    public static void halt(Runtime runtime, int status) {
        end(status);
    }

    private static void end(int status) {
        Intracomm world;
        try {
            world = Intracomm.world();
        } catch (RanksException e) {
            // A thread that no rank started (one from a pool made in a static initialiser, say):
            // there is no rank to end, so the call does what it says, for the whole job.
            System.out.flush();
            System.err.println("System.exit(" + status + ") outside any rank's threads: the job ends with it");
            Runtime.getRuntime().exit(status);
            return;
        }
        if (status == 0) {
            throw new ProgramExit(0);
        }
        try {
            world.abort(status);
        } catch (RuntimeException e) {
            // The job reports this exception's trace: the program's frames are what matter there.
            UserProgram.trimBelowUserFrames(e);
            throw e;
        }
    }
}
