package dev.ranks.mpj;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.Payload;

/**
 * A message announced by a frame: what its header says, and once it waits unmatched, an inline
 * message's data taken out of MPJ's buffer; a rendezvous one names the sequence its data travels
 * under.
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
    /**
     * An unmatched inline message's data: an array of {@link #count} elements of {@link #type}, or
     * an object's encoding; null for a rendezvous message, an empty or null object, and while the
     * data still lies in the rank's receive buffer.
     */
    final Object data;
    /**
     * For a message a rank sent to itself, which never goes through MPJ: the send, completed when
     * a receive takes the message if it waits for that ({@link Frame#EAGER_SYNC}); null otherwise.
     */
    final MpjSend local;

    Arrival(byte kind, int source, int context, int tag, ElementType type, int count, int seq, Object data) {
        this(kind, source, context, tag, type, count, seq, data, null);
    }

    Arrival(byte kind, int source, int context, int tag, ElementType type, int count, int seq, Object data,
            MpjSend local) {
        this.local = local;
        this.kind = kind;
        this.source = source;
        this.context = context;
        this.tag = tag;
        this.type = type;
        this.count = count;
        this.seq = seq;
        this.data = data;
    }

    /** @return whether the data travels in the frame */
    boolean inline() {
        return kind == Frame.EAGER || kind == Frame.EAGER_SYNC;
    }

    /** @return the elements (or encoding's bytes) in the frame: 0 for a null object and for a rendezvous message */
    int inlineCount() {
        return inline() ? Math.max(count, 0) : 0;
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
