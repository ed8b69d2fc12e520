/**
 * Collective operations over an intra-communicator.
 *
 * <p>{@link dev.ranks.collectives.Intracomm} is the communicator a job's ranks receive when the job
 * is started with {@link dev.ranks.collectives.Intracomm#run(int, dev.ranks.comm.Settings,
 * IntracommMain)}; it adds the collectives to {@link dev.ranks.comm.Comm}'s point-to-point
 * operations. Each collective algorithm is one stateless class built only on point-to-point
 * messages over the communicator's collective view, so collective traffic never matches a user's
 * receive, not even one posted with {@code ANY_SOURCE} and {@code ANY_TAG}; the exceptions meet
 * elsewhere: in memory the ranks share ({@code BcastShm}…) or in the device's own collectives on
 * the communicator's collective context ({@code BcastNative}…).
 */
package dev.ranks.collectives;
