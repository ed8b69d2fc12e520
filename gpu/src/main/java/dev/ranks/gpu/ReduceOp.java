package dev.ranks.gpu;

/** The reductions {@link Device#reduce(DeviceBuffer, ReduceOp)} computes in two stages. */
public enum ReduceOp {
    /** The sum; of no elements, zero. */
    SUM,
    /** The largest element; needs at least one. */
    MAX
}
