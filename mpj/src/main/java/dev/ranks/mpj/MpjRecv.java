package dev.ranks.mpj;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;

/** A receive: what it matches, where its data goes, and once matched, what it got. */
final class MpjRecv extends MpjRequest {
    final int context;
    final int wantSource;
    final int wantTag;
    final Sink sink;
    private int source;
    private int tag;
    private int count;
    private boolean cancelled;
    /** For an object receive, the encoding (or null value) that matched. */
    private Payload received;
    /** For an object received by rendezvous, the buffer its encoding arrives in. */
    byte[] encoding;

    MpjRecv(MpjEndpoint endpoint, int context, int source, int tag, Sink sink) {
        super(endpoint);
        this.context = context;
        this.wantSource = source;
        this.wantTag = tag;
        this.sink = sink;
    }

    boolean matches(Arrival a) {
        return a.matches(context, wantSource, wantTag);
    }

    /** Records what matched; the request completes now for inline data, or when the transfer does. */
    void matched(Arrival a) {
        source = a.source;
        tag = a.tag;
        count = a.elements();
    }

    /** Completes an object receive with a payload. */
    void deliver(Payload payload) {
        received = payload;
        complete();
    }

    void cancel() {
        cancelled = true;
        complete();
    }

    @Override
    void transferred(mpi.Status status) {
        if (sink.type() == ElementType.OBJECT) {
            received = Payload.encoded(encoding);
        }
        complete();
    }

    @Override
    Status outcome() {
        return cancelled ? Status.cancelledStatus() : new Status(source, tag, count, sink.type(), false);
    }

    @Override
    public Payload received() {
        return received;
    }
}
