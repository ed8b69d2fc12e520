package dev.ranks.mpj;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;
import dev.ranks.comm.internal.codec.ObjectCodec;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import mpi.MPI;

/**
 * One rank's attachment to MPJ Express: Ranks' matching done in software over MPJ's
 * point-to-point calls on {@code MPI.COMM_WORLD}.
 *
 * <p>Every message starts with a {@link Frame} on one MPJ tag ({@link #INLINE_TAG}), received
 * through one receive that is always posted ({@code Irecv(ANY_SOURCE, INLINE_TAG)}). Arrivals go
 * through the same posted and unexpected queues as the local device's, which gives MPI's matching
 * on (context, source, tag) with both wildcards: MPJ's own tag cannot hold our context and our
 * full-range tag together, and its {@code ANY_TAG} would cross communicators. Small messages
 * travel inside their frame, primitives packed big-endian; a message over the eager limit sends a
 * ready-to-send frame, and once the receive has matched it and posted an MPJ receive straight into
 * the caller's array (with the array's MPJ datatype), its data goes under a tag of its own, so
 * large arrays are copied by MPJ alone.
 *
 * <p>There is no progress thread: whichever call waits drives the engine (under
 * {@link #lock}), blocking inside MPJ on the one MPJ request its completion depends on, and
 * {@link MpjRequest#isComplete()} polls it, as MPI_Test does. A wait on a data transfer may block
 * in MPJ without serving arrivals, since MPJ finishes a transfer whose receive is posted without
 * help from either rank's Ranks code.
 */
final class MpjEndpoint implements Endpoint {
    /** The MPJ tag of frames; data transfers use {@link #dataTag(int)}, never 0. */
    static final int INLINE_TAG = 0;
    /**
     * The largest payload carried inside a frame whatever the eager limit: the default eager limit,
     * so that by default every eager message is one MPJ message, while the receive buffer every
     * rank keeps posted stays modest under a larger {@code --eager-limit}; larger eager messages
     * then send their data under its own tag right behind the frame.
     */
    static final int MAX_INLINE = 64 * 1024;
    /** Polling a wait on several requests backs off up to this many nanoseconds between rounds. */
    private static final long MAX_BACKOFF_NANOS = 1_000_000;

    private final Mpj.Session session;
    private final mpi.Intracomm world;
    private final int rank;
    private final int size;
    private final Settings settings;
    private final int inlineLimit;
    private final long startNanos = System.nanoTime();
    private final MpjSend completed;

    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] inbox;
    /** Where inline frames are built; guarded by its own monitor, since sends need not wait for the engine. */
    private final byte[] outbox;
    private mpi.Request inboxRequest;
    private final List<MpjRecv> posted = new ArrayList<>();
    private final List<Arrival> unexpected = new ArrayList<>();
    private final Map<Integer, MpjSend> awaitingReply = new HashMap<>();
    private final List<MpjRequest> transfers = new ArrayList<>();
    private int nextSeq = 1;

    MpjEndpoint(Mpj.Session session, Settings settings) {
        this.session = session;
        this.world = session.world();
        this.rank = session.rank();
        this.size = session.size();
        this.settings = settings;
        this.inlineLimit = Math.min(settings.eagerLimit(), MAX_INLINE);
        this.inbox = new byte[Frame.HEADER + inlineLimit];
        this.outbox = new byte[Frame.HEADER + inlineLimit];
        this.completed = new MpjSend(this, 0, 0, ElementType.BYTE, null, 0, 0);
        completed.complete();
        postInbox();
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public DeviceRequest send(int context, int dest, int tag, Payload payload, boolean synchronous) {
        ElementType type = payload.type();
        Object data;
        int offset;
        int count;
        long bytes;
        if (type == ElementType.OBJECT) {
            byte[] encoding = encoding(payload);
            data = encoding;
            offset = 0;
            count = encoding == null ? Frame.NULL_OBJECT : encoding.length;
            bytes = encoding == null ? 0 : encoding.length;
        } else {
            data = payload.data();
            offset = payload.offset();
            count = payload.count();
            bytes = (long) count * type.bytes();
        }
        if (bytes <= inlineLimit) {
            return sendInline(context, dest, tag, type, data, offset, count, (int) bytes, synchronous);
        }
        boolean eager = !synchronous && bytes <= settings.eagerLimit();
        MpjSend send;
        lock.lock();
        try {
            send = new MpjSend(this, dest, nextSeq++, type, data, offset, type == ElementType.OBJECT ? (int) bytes
                    : count);
            if (!eager) {
                awaitingReply.put(send.seq, send);
            }
            byte[] frame = new byte[Frame.HEADER];
            Frame.header(frame, eager ? Frame.EAGER_DATA : Frame.RTS, context, tag, type, count, send.seq);
            world.Send(frame, 0, frame.length, MPI.BYTE, dest, INLINE_TAG);
            if (eager) {
                startTransfer(send);
            }
        } finally {
            lock.unlock();
        }
        return send;
    }

    private DeviceRequest sendInline(int context, int dest, int tag, ElementType type, Object data, int offset,
                                     int count, int bytes, boolean synchronous) {
        MpjSend pending = null;
        int seq = 0;
        if (synchronous) {
            lock.lock();
            try {
                seq = nextSeq++;
                pending = new MpjSend(this, dest, seq, type, null, 0, 0);
                awaitingReply.put(seq, pending);
            } finally {
                lock.unlock();
            }
        }
        synchronized (outbox) {
            ByteBuffer out = Frame.header(outbox, synchronous ? Frame.EAGER_SYNC : Frame.EAGER, context, tag, type,
                    count, seq);
            if (type != ElementType.OBJECT) {
                Frame.pack(out, type, data, offset, count);
            } else if (data != null) {
                out.put((byte[]) data);
            }
            // MPJ sends a message this small eagerly (the launcher sets its protocol switch limit
            // above the eager limit) and has copied it when Send returns, so the outbox is free again.
            world.Send(outbox, 0, Frame.HEADER + bytes, MPI.BYTE, dest, INLINE_TAG);
        }
        return pending != null ? pending : completed;
    }

    @Override
    public DeviceRequest receive(int context, int source, int tag, Sink sink) {
        MpjRecv request = new MpjRecv(this, context, source, tag, sink);
        lock.lock();
        try {
            Arrival arrival = takeUnexpected(request);
            if (arrival == null) {
                posted.add(request);
            } else {
                match(arrival, request);
            }
        } finally {
            lock.unlock();
        }
        return request;
    }

    @Override
    public Status probe(int context, int source, int tag, boolean block) {
        lock.lock();
        try {
            while (true) {
                drain();
                for (Arrival a : unexpected) {
                    if (a.matches(context, source, tag)) {
                        return a.status();
                    }
                }
                if (!block) {
                    return null;
                }
                arrived(inboxRequest.Wait());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await(DeviceRequest request) {
        MpjRequest r = own(request);
        while (!r.done()) {
            lock.lock();
            try {
                // No drain first: what r waits for completes through exactly one MPJ request, and
                // waiting on a completed one returns at once; testing the others would tax every wait.
                if (r.done()) {
                    return;
                }
                if (r.transfer != null) {
                    mpi.Status status = r.transfer.Wait();
                    transfers.remove(r);
                    r.transferred(status);
                } else {
                    arrived(inboxRequest.Wait());
                }
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public int awaitAny(DeviceRequest[] requests) {
        MpjRequest[] own = new MpjRequest[requests.length];
        for (int i = 0; i < requests.length; i++) {
            own[i] = own(requests[i]);
        }
        long backoff = 1_000;
        while (true) {
            boolean transferring = false;
            lock.lock();
            try {
                drain();
                for (int i = 0; i < own.length; i++) {
                    if (own[i].done()) {
                        return i;
                    }
                    transferring |= own[i].transfer != null;
                }
                if (!transferring) {
                    // Only an arrival can complete any of them: block for the next one.
                    arrived(inboxRequest.Wait());
                    continue;
                }
            } finally {
                lock.unlock();
            }
            // Some depend on a transfer and some perhaps on an arrival; MPJ cannot block on both.
            LockSupport.parkNanos(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    @Override
    public boolean cancel(DeviceRequest request) {
        if (!(own(request) instanceof MpjRecv receive)) {
            return false;
        }
        lock.lock();
        try {
            if (!posted.remove(receive)) {
                return false;
            }
            receive.cancel();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public RuntimeException abort(int code) {
        throw session.abort(code);
    }

    @Override
    public double wtime() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Drives the engine without blocking, for {@link MpjRequest#isComplete()}. If another thread
     * holds the engine it is making progress already, so this only reads the request's state.
     *
     * @param request the request asked about
     * @return whether it has completed
     */
    boolean poll(MpjRequest request) {
        if (lock.tryLock()) {
            try {
                drain();
            } finally {
                lock.unlock();
            }
        }
        return request.done();
    }

    /** Handles every completed MPJ request without blocking. Called holding {@link #lock}. */
    private void drain() {
        mpi.Status s;
        while ((s = inboxRequest.Test()) != null) {
            arrived(s);
        }
        if (transfers.isEmpty()) {
            return;
        }
        for (Iterator<MpjRequest> it = transfers.iterator(); it.hasNext(); ) {
            MpjRequest r = it.next();
            mpi.Status done = r.transfer.Test();
            if (done != null) {
                it.remove();
                r.transferred(done);
            }
        }
    }

    /** Handles the frame the inbox received, then posts the inbox again. Called holding {@link #lock}. */
    private void arrived(mpi.Status status) {
        int length = status.Get_count(MPI.BYTE);
        int source = status.source;
        try {
            handle(source, length);
        } finally {
            postInbox();
        }
    }

    private void postInbox() {
        inboxRequest = world.Irecv(inbox, 0, inbox.length, MPI.BYTE, MPI.ANY_SOURCE, INLINE_TAG);
    }

    private void handle(int source, int length) {
        byte kind = Frame.kind(inbox);
        switch (kind) {
            case Frame.CTS -> startTransfer(replied(source, Frame.seq(inbox)));
            case Frame.ACK, Frame.DECLINE -> replied(source, Frame.seq(inbox)).complete();
            case Frame.EAGER, Frame.EAGER_SYNC, Frame.RTS, Frame.EAGER_DATA -> {
                Arrival arrival = new Arrival(kind, source, Frame.context(inbox), Frame.tag(inbox), Frame.type(inbox),
                        Frame.count(inbox), Frame.seq(inbox), inbox);
                MpjRecv receive = takePosted(arrival);
                if (receive != null) {
                    match(arrival, receive);
                } else {
                    // The inbox is posted again right after this; an unmatched frame keeps its own copy.
                    byte[] frame = arrival.inline() ? Arrays.copyOf(inbox, length) : null;
                    unexpected.add(new Arrival(kind, source, arrival.context, arrival.tag, arrival.type, arrival.count,
                            arrival.seq, frame));
                }
            }
            default -> throw new RanksException(ErrorClass.INTERNAL, rank, "mpj device: rank " + source
                    + " sent a frame of kind " + kind + ": expected 1 to 7; a peer of another Ranks version?", null);
        }
    }

    private MpjSend replied(int source, int seq) {
        MpjSend send = awaitingReply.remove(seq);
        if (send == null || send.dest != source) {
            throw new RanksException(ErrorClass.INTERNAL, rank, "mpj device: rank " + source
                    + " answered send number " + seq + ", which does not wait for it", null);
        }
        return send;
    }

    /** Pairs a message with a receive: copies inline data, or starts the transfer. Called holding {@link #lock}. */
    private void match(Arrival a, MpjRecv r) {
        r.matched(a);
        Sink sink = r.sink;
        try {
            Sink.check(rank, a.source, a.tag, a.shape(), sink.type(), sink.capacity());
        } catch (RanksException e) {
            r.fail(e);
            refuse(a);
            return;
        }
        switch (a.kind) {
            case Frame.EAGER, Frame.EAGER_SYNC -> {
                if (a.type == ElementType.OBJECT) {
                    r.deliver(a.count == Frame.NULL_OBJECT ? Payload.value(null)
                            : Payload.encoded(Arrays.copyOfRange(a.frame, Frame.HEADER, Frame.HEADER + a.count)));
                } else {
                    Frame.unpack(a.frame, a.type, sink.array(), sink.offset(), a.count);
                    r.complete();
                }
                if (a.kind == Frame.EAGER_SYNC) {
                    reply(a.source, Frame.ACK, a.seq);
                }
            }
            default -> {
                if (a.type == ElementType.OBJECT) {
                    r.encoding = new byte[a.count];
                    r.transfer = world.Irecv(r.encoding, 0, a.count, MPI.BYTE, a.source, dataTag(a.seq));
                } else {
                    r.transfer = world.Irecv(sink.array(), sink.offset(), a.count, datatype(a.type), a.source,
                            dataTag(a.seq));
                }
                transfers.add(r);
                if (a.kind == Frame.RTS) {
                    reply(a.source, Frame.CTS, a.seq);
                }
            }
        }
    }

    /** Releases the sender of a message whose receive failed; data already on its way is received and dropped. */
    private void refuse(Arrival a) {
        switch (a.kind) {
            case Frame.EAGER_SYNC -> reply(a.source, Frame.ACK, a.seq);
            case Frame.RTS -> reply(a.source, Frame.DECLINE, a.seq);
            case Frame.EAGER_DATA -> {
                // MPJ checks the datatype of what it receives, so the scratch array has the sender's type.
                Object scratch = a.type == ElementType.OBJECT ? new byte[a.count]
                        : Array.newInstance(a.type.arrayClass().getComponentType(), a.count);
                Discard discard = new Discard(this);
                discard.transfer = world.Irecv(scratch, 0, a.count, datatype(a.type), a.source, dataTag(a.seq));
                transfers.add(discard);
            }
            default -> {
                // Inline data needs no answer.
            }
        }
    }

    private void reply(int dest, byte kind, int seq) {
        byte[] frame = new byte[Frame.HEADER];
        Frame.header(frame, kind, 0, 0, ElementType.BYTE, 0, seq);
        world.Send(frame, 0, frame.length, MPI.BYTE, dest, INLINE_TAG);
    }

    private void startTransfer(MpjSend send) {
        send.transfer = world.Isend(send.data, send.offset, send.count, datatype(send.type), send.dest,
                dataTag(send.seq));
        transfers.add(send);
    }

    private MpjRecv takePosted(Arrival a) {
        for (Iterator<MpjRecv> it = posted.iterator(); it.hasNext(); ) {
            MpjRecv r = it.next();
            if (r.matches(a)) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    private Arrival takeUnexpected(MpjRecv r) {
        for (Iterator<Arrival> it = unexpected.iterator(); it.hasNext(); ) {
            Arrival a = it.next();
            if (r.matches(a)) {
                it.remove();
                return a;
            }
        }
        return null;
    }

    private byte[] encoding(Payload payload) {
        if (payload.encoded()) {
            return (byte[]) payload.data();
        }
        // Immutable values pass by reference on the local device; here they cross a JVM.
        return payload.data() == null ? null : ObjectCodec.encode(payload.data(), rank);
    }

    private MpjRequest own(DeviceRequest request) {
        if (request instanceof MpjRequest r && r.endpoint == this) {
            return r;
        }
        throw new RanksException(ErrorClass.REQUEST, rank, "request " + request
                + " does not belong to this rank's mpj endpoint: expected a request started on it", null);
    }

    /**
     * The MPJ tag of a rendezvous or large eager message's data. Sequence numbers are per sender,
     * so the tag names one message between one pair of ranks; 0 stays the frames' tag.
     */
    static int dataTag(int seq) {
        return 1 + ((seq - 1) & 0x3FFF_FFFF);
    }

    /**
     * @param type an element type
     * @return the MPJ datatype its arrays travel as; an object's encoding travels as bytes
     */
    static mpi.Datatype datatype(ElementType type) {
        return switch (type) {
            case BYTE, OBJECT -> MPI.BYTE;
            case SHORT -> MPI.SHORT;
            case INT -> MPI.INT;
            case LONG -> MPI.LONG;
            case FLOAT -> MPI.FLOAT;
            case DOUBLE -> MPI.DOUBLE;
            case CHAR -> MPI.CHAR;
            case BOOLEAN -> MPI.BOOLEAN;
        };
    }

    /** The receive of data whose own receive failed, kept only until MPJ has taken it off the wire. */
    private static final class Discard extends MpjRequest {
        Discard(MpjEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        void transferred(mpi.Status status) {
            complete();
        }

        @Override
        Status outcome() {
            return Status.empty();
        }
    }
}
