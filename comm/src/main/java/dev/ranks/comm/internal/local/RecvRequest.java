package dev.ranks.comm.internal.local;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;
import java.util.function.IntConsumer;

/** A receive: its matching criteria and where the data goes. */
final class RecvRequest extends LocalRequest {
    final int receiver;
    final int context;
    final int source;
    final int tag;
    private final Sink sink;
    /** The next receive in the mailbox's queue; guarded by the mailbox's monitor. */
    RecvRequest next;

    RecvRequest(int receiver, int context, int source, int tag, Sink sink) {
        this.receiver = receiver;
        this.context = context;
        this.source = source;
        this.tag = tag;
        this.sink = sink;
    }

    boolean matches(int msgContext, int msgSource, int msgTag) {
        return Mailbox.matches(context, source, tag, msgContext, msgSource, msgTag);
    }

    /** Copies a matched message in (on whichever thread matched) and completes. */
    void deliver(int msgSource, int msgTag, Payload payload) {
        try {
            sink.deliver(receiver, msgSource, msgTag, payload);
        } catch (RanksException e) {
            fail(e);
            return;
        }
        complete(msgSource, msgTag, payload.count(), payload.type(), sink.type() == ElementType.OBJECT ? payload : null);
    }

    @Override
    public String describe() {
        return "recv(source=" + Wait.rankName(source) + ", tag=" + Wait.tagName(tag) + Wait.contextSuffix(context) + ")";
    }

    @Override
    public void targets(IntConsumer ranks) {
        ranks.accept(source);
    }
}
