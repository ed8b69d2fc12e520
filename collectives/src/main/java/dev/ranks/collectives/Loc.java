package dev.ranks.collectives;

/**
 * A value with the index (usually the rank) it came from, for {@link Op#MAXLOC} and
 * {@link Op#MINLOC} over objects, as MPI's {@code MPI_DOUBLE_INT} pairs or mpi4py's
 * {@code (value, rank)} tuples. Values are compared with their natural order; on a tie the lower
 * index wins, as MPI specifies.
 *
 * @param value the value, a {@link Comparable}
 * @param index where it came from, usually {@code comm.rank()}
 * @param <T> the value's type
 */
public record Loc<T extends Comparable<? super T>>(T value, int index) {
}
