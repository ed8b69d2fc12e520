/**
 * The {@code mpi} device: Ranks on the system's MPI library (Open MPI or MPICH), for clusters
 * that have one. {@link dev.ranks.mpi.Mpi} initialises the library in a process an MPI starter
 * launched; {@link dev.ranks.mpi.MpiDevice} runs that process's rank; the JNI shim is compiled with
 * the implementation's {@code mpicc} on first use. See docs/mpi.md.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.mpi;
