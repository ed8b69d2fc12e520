package dev.ranks.comm;

/**
 * What a completed receive or a probe learned about a message (MPI_Status): its source, tag,
 * element type and count. A receive from {@link Comm#PROC_NULL} yields {@link #empty()}.
 *
 * @param source the rank that sent the message, or {@link Comm#PROC_NULL}
 * @param tag the message's tag, or {@link Comm#ANY_TAG} for an empty status
 * @param count the number of elements (1 for an object message, 0 for an empty status)
 * @param type what the message holds
 * @param cancelled whether the receive was cancelled instead of matched
 */
public record Status(int source, int tag, int count, ElementType type, boolean cancelled) {
    private static final Status EMPTY = new Status(Comm.PROC_NULL, Comm.ANY_TAG, 0, ElementType.BYTE, false);
    private static final Status CANCELLED = new Status(Comm.PROC_NULL, Comm.ANY_TAG, 0, ElementType.BYTE, true);

    /** @return the status of a receive from {@link Comm#PROC_NULL}: no source, any tag, no elements */
    public static Status empty() {
        return EMPTY;
    }

    /** @return the status of a cancelled receive */
    public static Status cancelledStatus() {
        return CANCELLED;
    }
}
