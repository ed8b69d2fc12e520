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

    /**
     * A truncation whose message length is unknown: a device that learns only that the message was
     * longer than the buffer (the mpi device, when the MPI library delivers none of it).
     *
     * @param rank the receiving rank
     * @param bufferCount elements the receive buffer could hold
     * @param detail where the message came from
     */
    public TruncationException(int rank, int bufferCount, String detail) {
        super(ErrorClass.TRUNCATE, rank, "message truncated: " + detail + " is longer than the receive buffer's room for "
                + bufferCount + " elements", null);
        this.messageCount = -1;
        this.bufferCount = bufferCount;
    }

    /** @return the number of elements in the message, or -1 when the device could not tell */
    public int messageCount() {
        return messageCount;
    }

    /** @return the number of elements the receive buffer could hold */
    public int bufferCount() {
        return bufferCount;
    }
}
