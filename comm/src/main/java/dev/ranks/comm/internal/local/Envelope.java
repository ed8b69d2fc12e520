package dev.ranks.comm.internal.local;

import dev.ranks.comm.spi.Payload;

/**
 * A message that arrived before its receive. An eager one owns a private copy of its data; a
 * rendezvous one points at the sender's array and carries the sender's request to complete.
 */
record Envelope(int context, int source, int tag, Payload payload, SendRequest sender) {
}
