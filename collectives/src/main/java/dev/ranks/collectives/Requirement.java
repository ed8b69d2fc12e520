package dev.ranks.collectives;

/** What an {@link Algorithm} needs in order to be correct (MPICH's algorithm registry habit). */
public enum Requirement {
    /** The reduction operation must be commutative: the algorithm combines values out of rank order. */
    COMMUTATIVE,
    /** The communicator size must be a power of two. */
    POWER_OF_TWO,
    /** Every rank must contribute the same count: the plain form, not the {@code v} form. */
    UNIFORM,
    /**
     * Every rank of the communicator must share the caller's memory: the local device, whose ranks
     * are threads of one JVM. Only blocking calls on primitive arrays run such an algorithm; for
     * non-blocking and object calls the selector picks a point-to-point algorithm even when this
     * one was forced.
     */
    SHARED_MEMORY,
    /**
     * The device must run the collective itself ({@code Endpoint.nativeCollectives()}, the
     * {@code mpi} device's MPI library) on the call's element type and operation. Only blocking
     * calls on primitive arrays with the same count on every rank, reducing (if at all) with a
     * built-in operation other than MAXLOC and MINLOC, run such an algorithm; for the other calls
     * the selector picks a point-to-point algorithm even when this one was forced.
     */
    NATIVE
}
