/**
 * Virtual topologies: arranging the ranks of a communicator as a grid or a graph.
 *
 * <p>{@link dev.ranks.topology.Dims#create(int, int)} chooses a balanced grid shape for a number of
 * ranks (MPI_Dims_create), the usual first step before building a Cartesian communicator.
 */
package dev.ranks.topology;
