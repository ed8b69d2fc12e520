/** The object codec: immutable values pass by reference, everything else is copied with Kryo. */
package dev.ranks.comm.internal.codec;
