package dev.ranks.comm.spi;

/**
 * The predefined reductions a device may run itself ({@link NativeCollectives}): MPI's built-in
 * operations on primitive elements. Location reductions (MAXLOC, MINLOC) and users' operations
 * are not among them; collectives run those with their own algorithms.
 */
public enum NativeOp {
    /** Sum (MPI_SUM). */
    SUM,
    /** Product (MPI_PROD). */
    PROD,
    /** Maximum (MPI_MAX). */
    MAX,
    /** Minimum (MPI_MIN). */
    MIN,
    /** Logical and (MPI_LAND). */
    LAND,
    /** Logical or (MPI_LOR). */
    LOR,
    /** Logical exclusive or (MPI_LXOR). */
    LXOR,
    /** Bitwise and (MPI_BAND). */
    BAND,
    /** Bitwise or (MPI_BOR). */
    BOR,
    /** Bitwise exclusive or (MPI_BXOR). */
    BXOR
}
