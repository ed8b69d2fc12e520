/**
 * Reference programs written directly against MPJ Express's mpiJava API, for comparing Ranks on
 * the {@code mpj} device with MPJ Express alone (bin/bench-compare-mpj).
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.mpj.bench;
