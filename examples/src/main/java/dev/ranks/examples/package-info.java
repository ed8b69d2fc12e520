/**
 * Programs written against Ranks' installed artifacts, as a user writes them; run each with
 * {@code bin/launcher -n N run --class-path examples/target/ranks-examples.jar dev.ranks.examples.NAME}.
 *
 * <ul>
 *   <li>{@link dev.ranks.examples.Pi}: π by the midpoint rule over the ranks, with allreduce (a plain
 *       {@code main} that asks {@link dev.ranks.collectives.Intracomm#world()} for its communicator).
 *   <li>{@link dev.ranks.examples.Ring}: a token passed round a ring with isend and irecv (a
 *       {@link dev.ranks.collectives.RankProgram}).
 *   <li>{@link dev.ranks.examples.Heat2D}: a Jacobi heat stencil on a Cartesian grid of ranks, halos
 *       exchanged with sendrecv, equal to the serial solver's grid at any number of ranks.
 *   <li>{@link dev.ranks.examples.Histogram}: a kernel of your own on an OpenCL device in every rank.
 *   <li>{@link dev.ranks.examples.CollatzTasks}: a task of your own for the task pipeline.
 * </ul>
 *
 * <p>{@code dev.ranks.examples.books} holds the examples of Palach's and Zaccone's Python books, one
 * class each.
 *
 * <p>examples/README.md shows how to build and run them.
 */
package dev.ranks.examples;
