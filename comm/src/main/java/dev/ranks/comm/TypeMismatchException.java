package dev.ranks.comm;

/** A message holds another element type than the receive expects (MPI_ERR_TYPE). */
public final class TypeMismatchException extends RanksException {
    private static final long serialVersionUID = 1L;

    private final ElementType messageType;
    private final ElementType expectedType;

    /**
     * @param rank the receiving rank
     * @param messageType what the message holds
     * @param expectedType what the receive expected
     * @param detail where the message came from
     */
    public TypeMismatchException(int rank, ElementType messageType, ElementType expectedType, String detail) {
        super(ErrorClass.TYPE, rank, "type mismatch: " + detail + " holds " + messageType.description()
                + " but the receive expects " + expectedType.description(), null);
        this.messageType = messageType;
        this.expectedType = expectedType;
    }

    /** @return the element type of the message */
    public ElementType messageType() {
        return messageType;
    }

    /** @return the element type the receive expected */
    public ElementType expectedType() {
        return expectedType;
    }
}
