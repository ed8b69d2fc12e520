/**
 * Users' own programs run as ranks ({@code launcher run}): {@link dev.ranks.workloads.programs.UserProgram}
 * resolves a class or jar to an entry point (a {@link dev.ranks.collectives.RankProgram} or a
 * {@code main}) and runs it in every rank, each rank with its own
 * {@link dev.ranks.workloads.programs.RankClassLoader} so that static state is per rank, as with one
 * process per rank. Calls to {@code System.exit} in users' classes become
 * {@link dev.ranks.workloads.programs.ProgramExit#exit(int)}, which ends the rank or aborts the job
 * instead of ending the JVM that holds every rank.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.programs;
