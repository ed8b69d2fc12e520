package dev.ranks.comm;

/**
 * Thrown from a blocked or new call of a rank when another rank has failed or called
 * {@link Comm#abort(int)}; {@link #rank()} names the rank that ended the job.
 */
public final class JobAbortedException extends RanksException {
    private static final long serialVersionUID = 1L;

    /**
     * @param failedRank the rank that ended the job
     * @param message what happened
     */
    public JobAbortedException(int failedRank, String message) {
        super(ErrorClass.ABORTED, failedRank, message, null);
    }
}
