package dev.ranks.comm.internal.local;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Status;
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

    RecvRequest(int receiver, int context, int source, int tag, Sink sink) {
        this.receiver = receiver;
        this.context = context;
        this.source = source;
        this.tag = tag;
        this.sink = sink;
    }

    boolean matches(int msgContext, int msgSource, int msgTag) {
        return context == msgContext && (source == Comm.ANY_SOURCE || source == msgSource)
                && (tag == Comm.ANY_TAG || tag == msgTag);
    }

    /** Copies a matched message in (on whichever thread matched) and completes. */
    void deliver(int msgSource, int msgTag, Payload payload) {
        Status outcome;
        try {
            outcome = sink.deliver(receiver, msgSource, msgTag, payload);
        } catch (RanksException e) {
            complete(null, e, null);
            return;
        }
        complete(outcome, null, sink.type() == ElementType.OBJECT ? payload : null);
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
