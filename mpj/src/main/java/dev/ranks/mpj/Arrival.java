package dev.ranks.mpj;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.Payload;

/**
 * A message announced by a frame that no posted receive has matched yet: an inline one owns its
 * frame (and so its data), a rendezvous one names the sequence its data will travel under.
 */
final class Arrival {
    final byte kind;
    final int source;
    final int context;
    final int tag;
    final ElementType type;
    /** Elements; for an object, the encoding's length or {@link Frame#NULL_OBJECT}. */
    final int count;
    final int seq;
    /** The whole frame of an inline message; null for a rendezvous one. */
    final byte[] frame;

    Arrival(byte kind, int source, int context, int tag, ElementType type, int count, int seq, byte[] frame) {
        this.kind = kind;
        this.source = source;
        this.context = context;
        this.tag = tag;
        this.type = type;
        this.count = count;
        this.seq = seq;
        this.frame = frame;
    }

    /** @return whether the data is in {@link #frame} */
    boolean inline() {
        return kind == Frame.EAGER || kind == Frame.EAGER_SYNC;
    }

    /** @return elements as a receive status counts them: 1 for an object */
    int elements() {
        return type == ElementType.OBJECT ? 1 : count;
    }

    /** @return a stand-in payload with this message's type and element count, for {@link dev.ranks.comm.spi.Sink#check} */
    Payload shape() {
        return type == ElementType.OBJECT ? Payload.encoded(new byte[0]) : Payload.array(type, null, 0, count);
    }

    /** @return what a probe reports about this message */
    Status status() {
        return new Status(source, tag, elements(), type, false);
    }

    boolean matches(int wantContext, int wantSource, int wantTag) {
        return wantContext == context && (wantSource == Comm.ANY_SOURCE || wantSource == source)
                && (wantTag == Comm.ANY_TAG || wantTag == tag);
    }
}
