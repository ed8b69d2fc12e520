package dev.ranks.comm.internal.local;

import java.util.function.IntConsumer;

/** A blocking probe waits for the next unexpected arrival in its mailbox, then looks again. */
final class ProbeWait implements Wait {
    private final Mailbox box;
    private final long seen;
    private final int context;
    private final int source;
    private final int tag;

    ProbeWait(Mailbox box, long seen, int context, int source, int tag) {
        this.box = box;
        this.seen = seen;
        this.context = context;
        this.source = source;
        this.tag = tag;
    }

    @Override
    public boolean done() {
        return box.arrivals() != seen;
    }

    @Override
    public void arm(Thread waiter) {
        box.prober(waiter);
    }

    @Override
    public void disarm() {
        box.prober(null);
    }

    @Override
    public String describe() {
        return Wait.call("probe", source, tag, context);
    }

    @Override
    public void targets(IntConsumer ranks) {
        ranks.accept(source);
    }
}
