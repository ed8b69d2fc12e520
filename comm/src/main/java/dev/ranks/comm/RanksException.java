package dev.ranks.comm;

/**
 * The one unchecked exception root of Ranks. Every failure carries an {@link ErrorClass} and,
 * where one is involved, the rank it happened on ({@link #rank()}, -1 when none applies).
 */
public class RanksException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorClass errorClass;
    private final int rank;

    /**
     * Creates an exception that names no rank.
     *
     * @param errorClass what kind of failure this is
     * @param message what went wrong, naming the bad value and what was expected
     */
    public RanksException(ErrorClass errorClass, String message) {
        this(errorClass, -1, message, null);
    }

    /**
     * Creates an exception.
     *
     * @param errorClass what kind of failure this is
     * @param rank the rank it happened on, or -1
     * @param message what went wrong, naming the bad value and what was expected
     * @param cause the underlying failure, or null
     */
    public RanksException(ErrorClass errorClass, int rank, String message, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.rank = rank;
    }

    /** @return the class of this failure */
    public ErrorClass errorClass() {
        return errorClass;
    }

    /** @return the rank this failure happened on, or -1 when none applies */
    public int rank() {
        return rank;
    }
}
