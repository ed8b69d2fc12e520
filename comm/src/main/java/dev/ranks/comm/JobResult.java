package dev.ranks.comm;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * How a job ended.
 *
 * @param outcome completed, failed, aborted or deadlocked
 * @param rank the rank that failed or called abort, or -1
 * @param cause the failing rank's exception, the {@link DeadlockException}, or null
 * @param abortCode the code passed to {@link Comm#abort(int)}, or 0
 */
public record JobResult(Outcome outcome, int rank, Throwable cause, int abortCode) {

    /** The ways a job ends. */
    public enum Outcome {
        /** Every rank returned normally. */
        COMPLETED,
        /** A rank threw; the others were released. */
        FAILED,
        /** A rank called {@link Comm#abort(int)}. */
        ABORTED,
        /** Every live rank was blocked for good. */
        DEADLOCK
    }

    /** Exit code of a completed job. */
    public static final int EXIT_OK = 0;
    /** Exit code of a job in which a rank failed or aborted. */
    public static final int EXIT_FAILED = 1;
    /** Exit code of a job stopped as deadlocked. */
    public static final int EXIT_DEADLOCK = 3;

    /** @return a result for a job whose ranks all returned */
    public static JobResult completed() {
        return new JobResult(Outcome.COMPLETED, -1, null, 0);
    }

    /** @return whether every rank returned normally */
    public boolean ok() {
        return outcome == Outcome.COMPLETED;
    }

    /** @return the launcher's exit code: 0 completed, 1 failed or aborted, 3 deadlock */
    public int exitCode() {
        return switch (outcome) {
            case COMPLETED -> EXIT_OK;
            case FAILED, ABORTED -> EXIT_FAILED;
            case DEADLOCK -> EXIT_DEADLOCK;
        };
    }

    /**
     * @return what the launcher prints for a job that did not complete: {@code rank R failed:}
     *     with the stack trace, the abort code, or the deadlock report; empty when it completed
     */
    public String describe() {
        return switch (outcome) {
            case COMPLETED -> "";
            case FAILED -> "rank " + rank + " failed:\n" + stackTrace(cause);
            case ABORTED -> "rank " + rank + " failed: called abort(" + abortCode + ")\n" + stackTrace(cause);
            case DEADLOCK -> ((DeadlockException) cause).report();
        };
    }

    /**
     * Returns this result if the job completed, otherwise throws.
     *
     * @return this result
     * @throws RanksException naming the failed rank, with its exception as the cause, or the
     *     {@link DeadlockException}; an {@link Error} of a rank is rethrown as it is
     */
    public JobResult orThrow() {
        if (ok()) {
            return this;
        }
        if (cause instanceof RanksException re && outcome == Outcome.DEADLOCK) {
            throw re;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        String what = outcome == Outcome.ABORTED ? "called abort(" + abortCode + ")" : "failed: " + cause;
        throw new RanksException(ErrorClass.ABORTED, rank, "rank " + rank + " " + what, cause);
    }

    private static String stackTrace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
