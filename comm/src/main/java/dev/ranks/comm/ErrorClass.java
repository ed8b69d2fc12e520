package dev.ranks.comm;

/** The class of a {@link RanksException}, in the spirit of MPI's error classes. */
public enum ErrorClass {
    /** A rank argument is out of range. */
    RANK,
    /** A tag argument is negative or otherwise invalid. */
    TAG,
    /** An offset or count does not fit the buffer. */
    COUNT,
    /** Any other invalid argument. */
    ARG,
    /** A received message is larger than the receive buffer. */
    TRUNCATE,
    /** A received message holds another element type than the receive buffer. */
    TYPE,
    /** An object could not be encoded or decoded. */
    CODEC,
    /** The job was aborted because a rank failed or called {@code abort}. */
    ABORTED,
    /** Every live rank was blocked and no message in flight could release any of them. */
    DEADLOCK,
    /** A request was cancelled, or an operation is not supported on it. */
    REQUEST,
    /** A hostfile is malformed or names too few slots. */
    HOSTFILE,
    /** A device or backend is not available on this machine. */
    UNAVAILABLE,
    /** Bad command-line or configuration input. */
    USAGE,
    /** An error inside Ranks itself. */
    INTERNAL
}
