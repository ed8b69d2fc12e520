/**
 * The {@code mpj} device: Ranks' transport SPI over MPJ Express's mpiJava API, so that the same
 * program and the same collective algorithms run across the nodes of a cluster.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.mpj;
