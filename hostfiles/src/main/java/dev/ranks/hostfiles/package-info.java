/**
 * Hostfiles and rank placement.
 *
 * <p>{@link dev.ranks.hostfiles.Hostfile#read(java.nio.file.Path)} parses a hostfile in any of the
 * three formats users bring from other toolkits, detected line by line:
 *
 * <pre>
 * node01 slots=4 max_slots=8   # Open MPI: slots and an optional oversubscription cap
 * node02:4                     # MPICH (Hydra): host:count
 * node03                       # MPJ Express machines file: one host per line, 1 slot
 * </pre>
 *
 * <p>{@link dev.ranks.hostfiles.Hostfile#place(int, dev.ranks.hostfiles.MapBy, boolean)} then maps
 * ranks to hosts by slot or by node, as Open MPI's {@code --map-by} does, and returns an immutable
 * {@link dev.ranks.hostfiles.Placement}. Malformed input fails with a
 * {@link dev.ranks.hostfiles.BadHostfileException} naming the file and line; too few slots fail
 * with a {@link dev.ranks.comm.RanksException} of class {@link dev.ranks.comm.ErrorClass#HOSTFILE}.
 */
package dev.ranks.hostfiles;
