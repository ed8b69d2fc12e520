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
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * through a receive that is always posted: on {@code ANY_SOURCE}, or naming the peer of a two-rank
 * job, or one per peer on hybdev (see {@link #inboxSources}). Arrivals go through the same
 * posted and unexpected queues as the local device's, which gives MPI's matching on (context,
 * source, tag) with both wildcards: MPJ's own tag cannot hold our context and our full-range tag
 * together, and its {@code ANY_TAG} would cross communicators. Small messages travel inside their
 * frame, which is an MPJ buffer sent and received as such (MPJ's device layer, {@code mpjdev}):
 * the payload is a section of the buffer, copied in from the sender's array and out into the
 * receiver's by MPJ, as plain MPJ copies it. A message over the eager limit sends a ready-to-send
 * frame and its data right behind it as a synchronous MPJ send on a tag of its own; the receiver,
 * once a receive has matched the frame, posts the MPJ receive straight into the caller's array
 * (with the array's MPJ datatype) and acknowledges. MPJ moves the data only then, so a large send
 * still waits for its receive, and large arrays are copied by MPJ alone.
 *
 * <p>There is no progress thread: whichever call waits drives the engine (under
 * {@link #lock}), blocking inside MPJ on the one MPJ request its completion depends on (polling
 * where that is one of several frame receives), and
 * {@link MpjRequest#isComplete()} polls it, as MPI_Test does. A wait on a data transfer may block
 * in MPJ without serving arrivals only once the receive for it is posted, since MPJ then finishes
 * the transfer without help from either rank's Ranks code.
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
    /** Polling waits start by parking this many nanoseconds between rounds, doubling each round... */
    private static final long FIRST_BACKOFF_NANOS = 1_000;
    /** ... up to this many. */
    private static final long MAX_BACKOFF_NANOS = 1_000_000;
    /** Free frame storages kept for reuse; more frames in flight at once get storage of their own. */
    private static final int SPARE_OUTBOXES = 4;

    private final Mpj.Session session;
    private final mpi.Intracomm world;
    private final int rank;
    private final int size;
    private final Settings settings;
    private final int inlineLimit;
    private final long startNanos = System.nanoTime();
    private final MpjSend completed;

    private final ReentrantLock lock = new ReentrantLock();
    /** MPJ's device-level communicator under {@link #world}: frames travel as MPJ buffers through it. */
    private final mpjdev.Comm device;
    /** The largest frame, in bytes. */
    private final int frameCapacity;
    /**
     * The frame receives kept posted: one on {@code ANY_SOURCE}, one naming the only peer of a
     * two-rank job, or, where MPJ's wildcard receive polls ({@link #wildcardsPoll}), one per peer.
     */
    private final Inbox[] inboxes;
    /** The inbox whose frame is being handled (and which is not posted meanwhile); null when none. */
    private Inbox handling;
    /** The received frame's header, read out of {@link #handling}; guarded by {@link #lock}. */
    private final byte[] inboxHeader = new byte[Frame.HEADER];
    /**
     * Frame storage free for the next frame, at most {@link #SPARE_OUTBOXES}; guarded by its own
     * monitor, as are {@link #sending} and {@link #outboxHeader}, since sends need not wait for
     * the engine.
     */
    private final ArrayDeque<mpjbuf.RawBuffer> outboxes = new ArrayDeque<>();
    /** Frames MPJ is still sending, each with the storage it occupies until then. */
    private final List<Outgoing> sending = new ArrayList<>();
    /** The header of the frame being built. */
    private final byte[] outboxHeader = new byte[Frame.HEADER];
    private final List<MpjRecv> posted = new ArrayList<>();
    private final List<Arrival> unexpected = new ArrayList<>();
    private final Map<Integer, MpjSend> awaitingReply = new HashMap<>();
    private final List<MpjRequest> transfers = new ArrayList<>();
    private int nextSeq = 1;
    /** Acknowledgements (destination, sequence) due once the inbox is posted again. */
    private final ArrayDeque<int[]> deferredAcks = new ArrayDeque<>();

    MpjEndpoint(Mpj.Session session, Settings settings) {
        this.session = session;
        this.world = session.world();
        this.rank = session.rank();
        this.size = session.size();
        this.settings = settings;
        this.inlineLimit = Math.min(settings.eagerLimit(), MAX_INLINE);
        this.device = world.mpjdevComm;
        this.frameCapacity = Frame.OVERHEAD + inlineLimit;
        this.completed = new MpjSend(this, 0, 0);
        completed.complete();
        this.inboxes = inboxSources(rank, size, wildcardsPoll(session.device())).stream()
                .map(source -> new Inbox(source, frameCapacity)).toArray(Inbox[]::new);
        for (Inbox inbox : inboxes) {
            post(inbox);
        }
    }

    /**
     * Whether a receive on {@code ANY_SOURCE} is served by polling in an MPJ device: hybdev's
     * starts a thread per such receive that probes the network and the shared-memory device
     * every 2 seconds, so that a frame receive posted before its frame arrived waits up to 2 s
     * (and its completion prints an empty line on stdout). Receives naming their source go
     * straight to the device that connects the pair.
     *
     * @param device the name of MPJ's device, as MPJ's starter passes it
     * @return whether frames must be received per peer there
     */
    static boolean wildcardsPoll(String device) {
        return "hybdev".equals(device);
    }

    /**
     * The sources of the frame receives a rank keeps posted: the only peer when there is one,
     * since MPJ matches a named source on a faster path; each peer when wildcard receives poll;
     * otherwise one {@code ANY_SOURCE} receive, on which waits can block.
     *
     * @param rank this rank
     * @param size the number of ranks
     * @param wildcardsPoll what {@link #wildcardsPoll(String)} says of the device
     * @return the sources, {@code MPI.ANY_SOURCE} standing for all
     */
    static List<Integer> inboxSources(int rank, int size, boolean wildcardsPoll) {
        if (size == 2) {
            return List.of(1 - rank);
        }
        if (!wildcardsPoll) {
            return List.of(MPI.ANY_SOURCE);
        }
        List<Integer> peers = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            if (r != rank) {
                peers.add(r);
            }
        }
        return peers;
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
        if (dest == rank) {
            return sendToSelf(context, tag, type, data, offset, count, synchronous || bytes > settings.eagerLimit(),
                    type == ElementType.OBJECT && !payload.encoded());
        }
        if (bytes <= inlineLimit) {
            return sendInline(context, dest, tag, type, data, offset, count, (int) bytes, synchronous);
        }
        boolean eager = !synchronous && bytes <= settings.eagerLimit();
        MpjSend send;
        lock.lock();
        try {
            send = new MpjSend(this, dest, nextSeq++);
            if (!eager) {
                send.expectAck();
                awaitingReply.put(send.seq, send);
            }
            sendFrame(dest, eager ? Frame.EAGER_DATA : Frame.RTS, context, tag, type, count, send.seq, null, 0, 0);
            // The data goes right behind its frame: eagerly (MPJ's protocol switch limit is above
            // the eager limit), or synchronously, which MPJ holds back until the receiver has
            // matched the frame and posted the receive for it, as a rendezvous must.
            int elements = type == ElementType.OBJECT ? (int) bytes : count;
            send.transfer = eager ? world.Isend(data, offset, elements, datatype(type), dest, dataTag(send.seq))
                    : world.Issend(data, offset, elements, datatype(type), dest, dataTag(send.seq));
            transfers.add(send);
        } finally {
            lock.unlock();
        }
        return send;
    }

    /**
     * Sends a message to this rank without MPJ: MPJ's niodev never completes a large send to its
     * own rank, and nothing needs to cross a wire. The data is copied at once (unless it is a
     * fresh encoding already), and the message goes through the same matching as arrivals. A
     * synchronous or rendezvous-sized one still completes only when a receive takes it, as on
     * the wire, so a blocking one with no receive posted deadlocks as it would in MPI.
     */
    private DeviceRequest sendToSelf(int context, int tag, ElementType type, Object data, int offset, int count,
                                     boolean waitsForReceive, boolean fresh) {
        Object copy = data;
        if (data != null && !fresh) {
            // An object's count is its encoding's length, at offset 0.
            copy = Array.newInstance(data.getClass().getComponentType(), count);
            System.arraycopy(data, offset, copy, 0, count);
        }
        lock.lock();
        try {
            MpjSend send = null;
            if (waitsForReceive) {
                send = new MpjSend(this, rank, 0);
                send.expectAck();
            }
            Arrival arrival = new Arrival(waitsForReceive ? Frame.EAGER_SYNC : Frame.EAGER, rank, context, tag, type,
                    count, 0, copy, send);
            MpjRecv receive = takePosted(arrival);
            if (receive != null) {
                match(arrival, receive);
            } else {
                unexpected.add(arrival);
            }
            return send != null ? send : completed;
        } finally {
            lock.unlock();
        }
    }

    private DeviceRequest sendInline(int context, int dest, int tag, ElementType type, Object data, int offset,
                                     int count, int bytes, boolean synchronous) {
        MpjSend pending = null;
        int seq = 0;
        if (synchronous) {
            lock.lock();
            try {
                seq = nextSeq++;
                pending = new MpjSend(this, dest, seq);
                awaitingReply.put(seq, pending);
            } finally {
                lock.unlock();
            }
        }
        sendFrame(dest, synchronous ? Frame.EAGER_SYNC : Frame.EAGER, context, tag, type, count, seq, data, offset,
                type == ElementType.OBJECT ? bytes : count);
        return pending != null ? pending : completed;
    }

    /**
     * Sends a frame: the header, then the payload (if {@code elements > 0}) as a section of its
     * MPJ type, in one MPJ buffer and one MPJ message.
     */
    private void sendFrame(int dest, byte kind, int context, int tag, ElementType type, int count, int seq,
                           Object data, int offset, int elements) {
        synchronized (outboxes) {
            reclaimOutboxes();
            mpjbuf.RawBuffer storage = outboxes.poll();
            if (storage == null) {
                storage = mpjbuf.BufferFactory.create(MPI.SEND_OVERHEAD + frameCapacity);
            }
            mpjbuf.Buffer frame = new mpjbuf.Buffer(storage, MPI.SEND_OVERHEAD, MPI.SEND_OVERHEAD + frameCapacity);
            Frame.header(outboxHeader, kind, context, tag, type, count, seq);
            Frame.write(frame, ElementType.BYTE, outboxHeader, 0, Frame.HEADER);
            if (elements > 0) {
                Frame.write(frame, type, data, offset, elements);
            }
            try {
                frame.commit();
            } catch (mpjbuf.BufferException e) {
                throw Frame.broken("finish", e);
            }
            // Never block in an MPJ send: under multicore it completes only into the peer's
            // posted frame receive, and a rank blocked sending does not empty its own, so two
            // ranks sending each other frames at once would wait for each other. The storage
            // stays with MPJ until the send completes, which the engine checks as it drains.
            sending.add(new Outgoing(device.isend(frame, dest, INLINE_TAG, true), frame, storage));
        }
    }

    /** Takes back the storage of frames MPJ has sent. Called holding {@link #outboxes}' monitor. */
    private void reclaimOutboxes() {
        for (Iterator<Outgoing> it = sending.iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.request.itest() != null) {
                it.remove();
                o.frame.free();
                if (outboxes.size() < SPARE_OUTBOXES) {
                    outboxes.add(o.storage);
                }
            }
        }
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
        long backoff = FIRST_BACKOFF_NANOS;
        while (true) {
            lock.lock();
            try {
                drain();
                for (Arrival a : unexpected) {
                    if (a.matches(context, source, tag)) {
                        return a.status();
                    }
                }
                if (!block) {
                    return null;
                }
                if (awaitFrame()) {
                    continue;
                }
            } finally {
                lock.unlock();
            }
            backoff = pause(backoff);
        }
    }

    @Override
    public void await(DeviceRequest request) {
        MpjRequest r = own(request);
        long backoff = FIRST_BACKOFF_NANOS;
        while (!r.done()) {
            boolean polled = false;
            lock.lock();
            try {
                // No drain first: what r waits for completes through exactly one MPJ request, and
                // waiting on a completed one returns at once; testing the others would tax every wait.
                if (r.done()) {
                    return;
                }
                if (r.waitsForTransfer()) {
                    transfers.remove(r);
                    transferred(r, r.transfer.Wait());
                } else if (r.waitsForArrival()) {
                    polled = !awaitFrame();
                } else {
                    // An MPJ send whose receive may not be posted yet: blocking in it would stop
                    // this rank from serving the arrivals that let its peer post that receive.
                    drain();
                    polled = true;
                }
            } finally {
                lock.unlock();
            }
            if (polled && !r.done()) {
                backoff = pause(backoff);
            }
        }
    }

    @Override
    public int awaitAny(DeviceRequest[] requests) {
        MpjRequest[] own = new MpjRequest[requests.length];
        for (int i = 0; i < requests.length; i++) {
            own[i] = own(requests[i]);
        }
        long backoff = FIRST_BACKOFF_NANOS;
        while (true) {
            boolean transferring = false;
            lock.lock();
            try {
                drain();
                for (int i = 0; i < own.length; i++) {
                    if (own[i].done()) {
                        return i;
                    }
                    transferring |= own[i].transfer != null && !own[i].transferDone;
                }
                if (!transferring && awaitFrame()) {
                    // Only an arrival can complete any of them, and one came.
                    continue;
                }
            } finally {
                lock.unlock();
            }
            // Some depend on a transfer and some perhaps on an arrival; MPJ cannot block on both.
            backoff = pause(backoff);
        }
    }

    /** Parks for the backoff and returns the next one, doubled up to the most. */
    private static long pause(long backoff) {
        LockSupport.parkNanos(backoff);
        return Math.min(backoff * 2, MAX_BACKOFF_NANOS);
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

    /**
     * Waits for the next frame and handles it: blocks in MPJ on the one frame receive, or with
     * one per peer, which MPJ cannot block on together, drives the engine once. Called holding
     * {@link #lock}.
     *
     * @return whether a frame arrived; if not, the caller backs off before it asks again
     */
    private boolean awaitFrame() {
        if (inboxes.length == 1) {
            Inbox inbox = inboxes[0];
            arrived(inbox, inbox.request.iwait());
            return true;
        }
        return drain();
    }

    /**
     * Handles every completed MPJ request without blocking. Called holding {@link #lock}.
     *
     * @return whether a frame arrived
     */
    private boolean drain() {
        boolean arrivals = false;
        for (Inbox inbox : inboxes) {
            while (inbox.request.itest() != null) {
                // itest's status cannot be trusted for the source: niodev's names rank 0 whoever
                // sent the frame, multicore's -1. Only iwait, which returns at once for a
                // completed request, fills it in (MPJ maps the sender's id to its rank there).
                arrived(inbox, inbox.request.iwait());
                arrivals = true;
            }
        }
        synchronized (outboxes) {
            reclaimOutboxes();
        }
        for (Iterator<MpjRequest> it = transfers.iterator(); it.hasNext(); ) {
            MpjRequest r = it.next();
            mpi.Status done = r.transfer.Test();
            if (done != null) {
                it.remove();
                transferred(r, done);
            }
        }
        return arrivals;
    }

    private static void transferred(MpjRequest r, mpi.Status status) {
        r.transferDone = true;
        r.transferred(status);
    }

    /** Handles the frame an inbox received, then posts the inbox again. Called holding {@link #lock}. */
    private void arrived(Inbox inbox, mpjdev.Status status) {
        int source = inbox.source == MPI.ANY_SOURCE ? status.source : inbox.source;
        handling = inbox;
        try {
            inbox.buffer.commit();
            Frame.read(inbox.buffer, ElementType.BYTE, inboxHeader, 0, Frame.HEADER);
            handle(source);
        } catch (mpjbuf.BufferException e) {
            throw Frame.broken("open a frame from rank " + source + " in", e);
        } finally {
            handling = null;
            post(inbox);
        }
        for (int[] ack; (ack = deferredAcks.poll()) != null; ) {
            acknowledge(ack[0], ack[1]);
        }
    }

    private void post(Inbox inbox) {
        // A fresh view of the same storage: MPJ's receive leaves the view's state behind it.
        inbox.buffer = new mpjbuf.Buffer(inbox.storage, MPI.RECV_OVERHEAD, MPI.RECV_OVERHEAD + frameCapacity);
        inbox.request = device.irecv(inbox.buffer, inbox.source, INLINE_TAG, new mpjdev.Status(inbox.source,
                INLINE_TAG, -1), true);
    }

    private void handle(int source) {
        byte[] header = inboxHeader;
        byte kind = Frame.kind(header);
        switch (kind) {
            case Frame.ACK -> replied(source, Frame.seq(header)).acknowledged();
            case Frame.EAGER, Frame.EAGER_SYNC, Frame.RTS, Frame.EAGER_DATA -> {
                Arrival arrival = new Arrival(kind, source, Frame.context(header), Frame.tag(header), Frame.type(header),
                        Frame.count(header), Frame.seq(header), null);
                MpjRecv receive = takePosted(arrival);
                if (receive != null) {
                    match(arrival, receive);
                } else {
                    // The inbox is posted again right after this: an unmatched message's data moves
                    // out of MPJ's buffer into an array of its own.
                    unexpected.add(new Arrival(kind, source, arrival.context, arrival.tag, arrival.type, arrival.count,
                            arrival.seq, takeData(arrival)));
                }
            }
            default -> throw new RanksException(ErrorClass.INTERNAL, rank, "mpj device: rank " + source
                    + " sent a frame of kind " + kind + ": expected 1 to 5; a peer of another Ranks version?", null);
        }
    }

    /** Reads an arrived inline message's data out of the inbox into a new array; null when there is none. */
    private Object takeData(Arrival a) {
        int n = a.inlineCount();
        if (n == 0) {
            return null;
        }
        Object data = a.type == ElementType.OBJECT ? new byte[n]
                : Array.newInstance(a.type.arrayClass().getComponentType(), n);
        Frame.read(handling.buffer, a.type, data, 0, n);
        return data;
    }

    private MpjSend replied(int source, int seq) {
        MpjSend send = awaitingReply.remove(seq);
        if (send == null || send.dest != source) {
            throw new RanksException(ErrorClass.INTERNAL, rank, "mpj device: rank " + source
                    + " answered send number " + seq + ", which does not wait for it", null);
        }
        return send;
    }

    /**
     * Pairs a message with a receive: copies inline data (from the inbox when the message has
     * just arrived, else from the array it waited in), or posts the receive for its data. Called
     * holding {@link #lock}.
     */
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
                int n = a.inlineCount();
                if (a.type == ElementType.OBJECT) {
                    Object encoding = n == 0 ? new byte[0] : a.data != null ? a.data : takeData(a);
                    r.deliver(a.count == Frame.NULL_OBJECT ? Payload.value(null) : Payload.encoded((byte[]) encoding));
                } else {
                    if (a.data != null) {
                        System.arraycopy(a.data, 0, sink.array(), sink.offset(), n);
                    } else if (n > 0) {
                        Frame.read(handling.buffer, a.type, sink.array(), sink.offset(), n);
                    }
                    r.complete();
                }
                if (a.kind == Frame.EAGER_SYNC) {
                    release(a);
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
                    acknowledge(a.source, a.seq);
                }
            }
        }
    }

    /**
     * Releases the sender of a message whose receive failed. Data already on its way is received
     * into scratch and dropped: MPJ 0.44 cannot cancel the send that carries it.
     */
    private void refuse(Arrival a) {
        if (a.kind == Frame.RTS || a.kind == Frame.EAGER_DATA) {
            // MPJ checks the datatype of what it receives, so the scratch array has the sender's type.
            Object scratch = a.type == ElementType.OBJECT ? new byte[a.count]
                    : Array.newInstance(a.type.arrayClass().getComponentType(), a.count);
            Discard discard = new Discard(this);
            discard.transfer = world.Irecv(scratch, 0, a.count, datatype(a.type), a.source, dataTag(a.seq));
            transfers.add(discard);
        }
        if (a.kind == Frame.RTS || a.kind == Frame.EAGER_SYNC) {
            release(a);
        }
    }

    /** Tells the sender of a matched or refused synchronous message that it may complete. */
    private void release(Arrival a) {
        if (a.local != null) {
            a.local.acknowledged();
        } else {
            acknowledge(a.source, a.seq);
        }
    }

    /**
     * Answers a synchronous or rendezvous send. While an arrival is being handled the answer
     * waits until the inbox is posted again: under multicore an MPJ send completes only into a
     * posted receive, so two ranks answering each other's frames from inside their handling
     * would each wait for the other's inbox.
     */
    private void acknowledge(int dest, int seq) {
        if (handling != null) {
            deferredAcks.add(new int[] {dest, seq});
        } else {
            sendFrame(dest, Frame.ACK, 0, 0, ElementType.BYTE, 0, seq, null, 0, 0);
        }
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

    /**
     * A frame receive kept posted, and the buffer it receives into.
     */
    private static final class Inbox {
        /** The rank it receives from, or {@code MPI.ANY_SOURCE}. */
        final int source;
        /**
         * Its storage: MPJ's devices write their own header in front of a buffer's data, so it
         * reserves what the device asked MPI.Init for, as MPJ's own buffers do.
         */
        final mpjbuf.RawBuffer storage;
        /** The view MPJ receives the next frame into. */
        mpjbuf.Buffer buffer;
        /** MPJ's request for that receive. */
        mpjdev.Request request;

        Inbox(int source, int frameCapacity) {
            this.source = source;
            this.storage = mpjbuf.BufferFactory.create(MPI.RECV_OVERHEAD + frameCapacity);
        }
    }

    /**
     * A frame MPJ is sending.
     *
     * @param request MPJ's request for the send
     * @param frame the buffer sent
     * @param storage the buffer's storage, free again once the send completes
     */
    private record Outgoing(mpjdev.Request request, mpjbuf.Buffer frame, mpjbuf.RawBuffer storage) {
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
