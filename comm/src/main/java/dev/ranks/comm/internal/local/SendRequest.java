package dev.ranks.comm.internal.local;

import dev.ranks.comm.Status;
import dev.ranks.comm.spi.Payload;
import java.util.function.IntConsumer;

/** A send waiting for its receive: rendezvous (large) or synchronous. Eager sends complete at once. */
final class SendRequest extends LocalRequest {
    private static final SendRequest DONE_SEND = new SendRequest(0, 0, 0, 0, false);

    static {
        DONE_SEND.matched();
    }

    private final int context;
    private final int dest;
    private final int tag;
    private final long bytes;
    private final boolean synchronous;

    SendRequest(int context, int dest, int tag, long bytes, boolean synchronous) {
        this.context = context;
        this.dest = dest;
        this.tag = tag;
        this.bytes = bytes;
        this.synchronous = synchronous;
    }

    /** @return the request of a send that completed when it started */
    static SendRequest completed() {
        return DONE_SEND;
    }

    void matched() {
        publish(DONE);
    }

    @Override
    Status outcome() {
        return Status.empty();
    }

    @Override
    public Payload received() {
        return null;
    }

    @Override
    public String describe() {
        return (synchronous ? "ssend" : "send") + "(dest=" + dest + ", tag=" + tag + Wait.contextSuffix(context)
                + (synchronous ? "" : ", " + bytes + " bytes, rendezvous") + ")";
    }

    @Override
    public void targets(IntConsumer ranks) {
        ranks.accept(dest);
    }
}
