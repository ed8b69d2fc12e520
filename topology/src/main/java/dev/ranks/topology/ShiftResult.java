package dev.ranks.topology;

import dev.ranks.comm.Comm;

/**
 * The two ranks of a shift along one dimension of a Cartesian communicator (what MPI_Cart_shift
 * returns in its two output arguments), from {@link CartComm#shift(int, int)}: receive from
 * {@code source} and send to {@code dest}, for instance with
 * {@code comm.sendrecv(data, r.dest(), tag, r.source(), tag)}.
 *
 * @param source the rank {@code disp} steps back along the dimension, from which this rank
 *     receives; {@link Comm#PROC_NULL} past an open (non-periodic) edge
 * @param dest the rank {@code disp} steps forward along the dimension, to which this rank sends;
 *     {@link Comm#PROC_NULL} past an open edge
 */
public record ShiftResult(int source, int dest) {
}
