/**
 * The message-passing recipes of the Python Parallel Programming Cookbook, one class per recipe,
 * printing the lines mpi4py prints. Each takes the rank's communicator and a shared
 * {@link java.io.PrintWriter}; ranks print whole lines, so lines of different ranks interleave but
 * never mix.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.recipes;
