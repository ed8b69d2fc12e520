package dev.ranks.collectives;

/** What an {@link Algorithm} needs in order to be correct (MPICH's algorithm registry habit). */
public enum Requirement {
    /** The reduction operation must be commutative: the algorithm combines values out of rank order. */
    COMMUTATIVE,
    /** The communicator size must be a power of two. */
    POWER_OF_TWO,
    /** Every rank must contribute the same count: the plain form, not the {@code v} form. */
    UNIFORM
}
