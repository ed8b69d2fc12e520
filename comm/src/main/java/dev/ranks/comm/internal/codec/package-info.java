/**
 * The object codec: immutable values pass by reference, everything else is copied with Kryo.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.comm.internal.codec;
