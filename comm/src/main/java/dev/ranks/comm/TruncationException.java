package dev.ranks.comm;

/** A message arrived that is larger than the buffer posted to receive it (MPI_ERR_TRUNCATE). */
public final class TruncationException extends RanksException {
    private static final long serialVersionUID = 1L;

    private final int messageCount;
    private final int bufferCount;

    /**
     * @param rank the receiving rank
     * @param messageCount elements in the message
     * @param bufferCount elements the receive buffer could hold
     * @param detail where the message came from
     */
    public TruncationException(int rank, int messageCount, int bufferCount, String detail) {
        super(ErrorClass.TRUNCATE, rank, "message truncated: " + detail + " holds " + messageCount
                + " elements but the receive buffer has room for " + bufferCount, null);
        this.messageCount = messageCount;
        this.bufferCount = bufferCount;
    }

    /** @return the number of elements in the message */
    public int messageCount() {
        return messageCount;
    }

    /** @return the number of elements the receive buffer could hold */
    public int bufferCount() {
        return bufferCount;
    }
}
