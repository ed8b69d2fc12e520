package dev.ranks.comm.internal.local;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;
import java.util.function.IntConsumer;

/**
 * A receive: its matching criteria and where the data goes. The sender that matches it reads and
 * writes this object from another core, so it holds the sink's fields itself and reuses its
 * criteria fields for the result, to stay within about one cache line. A rank's blocking receives
 * reuse one such object ({@link #reuse}), and a status equal to the last one is that same object,
 * so a blocking receive allocates nothing.
 */
final class RecvRequest extends LocalRequest {
    int context;
    /** The source asked for; once matched, the source of the message. */
    private int source;
    /** The tag asked for; once matched, the tag of the message. */
    private int tag;
    private int count;
    private ElementType type;
    private Object array;
    private int offset;
    private int capacity;
    /** For an object receive, the payload that matched. */
    private Payload received;
    /** The last status this request gave, handed out again while it still holds. */
    private Status status;
    /** The receiving rank's mailbox, whose fast boxes a test of this request drains. */
    private final Mailbox mailbox;
    /** The next receive in the mailbox's queue; guarded by the mailbox's monitor. */
    RecvRequest next;

    RecvRequest(Mailbox mailbox, int context, int source, int tag, Sink sink) {
        this.mailbox = mailbox;
        this.context = context;
        this.source = source;
        this.tag = tag;
        this.type = sink.type();
        this.array = sink.array();
        this.offset = sink.offset();
        this.capacity = sink.capacity();
    }

    /** A request for a blocking array receive, to be {@link #reuse reused}; it starts complete. */
    RecvRequest(Mailbox mailbox) {
        this.mailbox = mailbox;
        publish(DONE);
    }

    /**
     * Readies a completed request for another blocking array receive; the caller owns it (it is in
     * no queue and nothing else completes it).
     *
     * @return this request
     */
    RecvRequest reuse(int newContext, int newSource, int newTag, ElementType newType, Object newArray,
                      int newOffset, int newCapacity) {
        context = newContext;
        source = newSource;
        tag = newTag;
        type = newType;
        array = newArray;
        offset = newOffset;
        capacity = newCapacity;
        reopen();
        return this;
    }

    /** @return the source asked for; once matched, the message's */
    int source() {
        return source;
    }

    /** @return the tag asked for; once matched, the message's */
    int tag() {
        return tag;
    }

    /** Called holding the mailbox's monitor, before the receive is matched. */
    boolean matches(int msgContext, int msgSource, int msgTag) {
        return Mailbox.matches(context, source, tag, msgContext, msgSource, msgTag);
    }

    /**
     * Copies a matched message in (on whichever thread matched) and completes. A large array
     * message is copied in chunks that the thread waiting on {@code helper} may share.
     *
     * @param helper the request the other party waits on: this receive when the receive was
     *     posted first, the sender's request when a rendezvous message arrived first; or null
     */
    void deliver(int receiver, int msgSource, int msgTag, Payload payload, LocalRequest helper) {
        try {
            Sink.check(receiver, msgSource, msgTag, payload, type, capacity);
        } catch (RanksException e) {
            fail(e);
            return;
        }
        if (type == ElementType.OBJECT) {
            received = payload;
        } else if (helper != null && payload.bytes() >= SharedCopy.MIN_BYTES) {
            SharedCopy copy = new SharedCopy(payload.data(), payload.offset(), array, offset, payload.count(),
                    type.bytes());
            helper.offer(copy);
            copy.copyAndWait();
            helper.withdraw();
        } else {
            System.arraycopy(payload.data(), payload.offset(), array, offset, payload.count());
        }
        source = msgSource;
        tag = msgTag;
        count = payload.count();
        publish(DONE);
    }

    /**
     * Copies in the message waiting in a fast box and completes; called holding the receiver's
     * mailbox monitor. Errors are those of {@link Sink#check}.
     */
    void deliver(int receiver, FastBox box) {
        ElementType msgType = box.type();
        int n = box.count();
        if (msgType != type || n > capacity) {
            try {
                Sink.check(receiver, box.source, box.tag(), box.detached(), type, capacity);
            } catch (RanksException e) {
                fail(e);
                return;
            }
        }
        box.copyTo(array, offset);
        source = box.source;
        tag = box.tag();
        count = n;
        publish(DONE);
    }

    @Override
    boolean progressed() {
        if (mailbox.anyFull()) {
            synchronized (mailbox) {
                mailbox.absorbAll();
            }
        }
        return done();
    }

    void cancel() {
        publish(CANCELLED);
    }

    @Override
    Status outcome() {
        Status last = status;
        if (last == null || last.source() != source || last.tag() != tag || last.count() != count
                || last.type() != type) {
            last = new Status(source, tag, count, type, false);
            status = last;
        }
        return last;
    }

    @Override
    public Payload received() {
        return received;
    }

    @Override
    public String describe() {
        return Wait.call("recv", source, tag, context);
    }

    @Override
    public void targets(IntConsumer ranks) {
        ranks.accept(source);
    }
}
