package dev.ranks.comm;

/**
 * Every live rank was blocked in a call that no message in flight could complete. The report
 * lists each rank's pending call and the wait-for cycle.
 */
public final class DeadlockException extends RanksException {
    private static final long serialVersionUID = 1L;

    private final String report;

    /**
     * @param rank the rank this exception was thrown on
     * @param report the multi-line diagnosis
     */
    public DeadlockException(int rank, String report) {
        super(ErrorClass.DEADLOCK, rank, report, null);
        this.report = report;
    }

    /** @return the diagnosis: each rank's pending call and the wait-for cycle */
    public String report() {
        return report;
    }
}
