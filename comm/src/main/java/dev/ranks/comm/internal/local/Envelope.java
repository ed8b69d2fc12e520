package dev.ranks.comm.internal.local;

import dev.ranks.comm.spi.Payload;

/**
 * A message that arrived before its receive. An eager one owns a private copy of its data; a
 * rendezvous one points at the sender's array and carries the sender's request to complete.
 */
final class Envelope {
    final int context;
    final int source;
    final int tag;
    final Payload payload;
    /** The waiting sender of a rendezvous or synchronous message; null for an eager one. */
    final SendRequest sender;
    /** The next message in the mailbox's queue; guarded by the mailbox's monitor. */
    Envelope next;

    Envelope(int context, int source, int tag, Payload payload, SendRequest sender) {
        this.context = context;
        this.source = source;
        this.tag = tag;
        this.payload = payload;
        this.sender = sender;
    }

    boolean matches(int wantContext, int wantSource, int wantTag) {
        return Mailbox.matches(wantContext, wantSource, wantTag, context, source, tag);
    }
}
