/**
 * The {@code mpj} device: Ranks' transport SPI over MPJ Express's mpiJava API, so that the same
 * program and the same collective algorithms run across the nodes of a cluster.
 */
package dev.ranks.mpj;
