/**
 * Reference programs written directly against MPJ Express's mpiJava API, for comparing Ranks on
 * the {@code mpj} device with MPJ Express alone (bin/bench-compare-mpj).
 */
package dev.ranks.mpj.bench;
