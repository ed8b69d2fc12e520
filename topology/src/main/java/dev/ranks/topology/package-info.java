/**
 * Virtual topologies: arranging the ranks of a communicator as a grid or a graph, and the
 * neighbour collectives along it (MPI's process topologies, mpi4py's {@code Cartcomm},
 * {@code Graphcomm} and {@code Distgraphcomm}).
 *
 * <ul>
 *   <li>{@link dev.ranks.topology.Dims#create(int, int)} chooses a balanced grid shape for a number
 *       of ranks (MPI_Dims_create), the usual first step before building a Cartesian communicator.
 *   <li>{@link dev.ranks.topology.CartComm} is a Cartesian grid, mesh or torus
 *       (MPI_Cart_create): coordinates, {@code rankOf}, {@code shift} returning a
 *       {@link dev.ranks.topology.ShiftResult}, and sub-grids ({@code sub}).
 *   <li>{@link dev.ranks.topology.GraphComm} is a graph every rank knows whole (MPI_Graph_create);
 *       {@link dev.ranks.topology.DistGraphComm} a directed graph each rank gives its own edges of
 *       (MPI_Dist_graph_create_adjacent).
 *   <li>{@link dev.ranks.topology.TopoComm}, their common superclass, has the neighbour
 *       collectives {@code neighborAllgather} and {@code neighborAlltoall}, for objects and the
 *       eight primitive array types, on a context of their own.
 * </ul>
 *
 * <p>Every topology communicator is an {@link dev.ranks.collectives.Intracomm} and is made by a
 * static factory that takes the parent communicator ({@code CartComm.create(comm, dims, periods,
 * reorder)}), where ARCHITECTURE.md sketches {@code Intracomm.createCart(...)}: this module depends
 * on {@code collectives}, which cannot depend back on it. Creation is collective over the parent.
 */
package dev.ranks.topology;
