package dev.ranks.comm;

import dev.ranks.comm.internal.codec.ObjectCodec;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.NativeCollectives;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.SharedMemory;
import dev.ranks.comm.spi.Sink;
import java.util.Optional;

/**
 * A communicator: point-to-point messaging among the ranks of a job (MPI_Comm).
 *
 * <p>Two message styles, chosen by argument type. <b>Objects</b>: {@code send(Object, dest, tag)}
 * and {@code T recv(source, tag)}; immutable values (strings, boxed primitives, enums, records of
 * immutable components…) pass by reference, anything else is copied through the codec, so the
 * receiver never sees the sender's later changes. <b>Primitive arrays</b>: {@code send(int[] buf,
 * offset, count, dest, tag)} and {@code recv(int[] buf, offset, count, source, tag)} for each of
 * the eight primitive types, received into the caller's array; the fast path.
 *
 * <p>Matching follows MPI: a receive names a source and a tag, or {@link #ANY_SOURCE} and
 * {@link #ANY_TAG}; messages from one rank to another on one communicator are received in the
 * order they were sent when both match. Messages up to the eager limit ({@link Settings#eagerLimit()})
 * are buffered and the send returns at once; larger ones wait for the matching receive
 * (rendezvous). {@code ssend} always waits. Sends to and receives from {@link #PROC_NULL} complete
 * at once.
 *
 * <p>A communicator belongs to its rank: use it from one thread at a time.
 */
public class Comm {
    /** Wildcard source for receives and probes (MPI_ANY_SOURCE). */
    public static final int ANY_SOURCE = -1;
    /** Wildcard tag for receives and probes (MPI_ANY_TAG). */
    public static final int ANY_TAG = -1;
    /** The null process: a send or receive with it completes at once (MPI_PROC_NULL). */
    public static final int PROC_NULL = -2;

    private final Endpoint endpoint;
    private final int context;
    private final Group group;
    private final ContextCounter contexts;
    /** This rank's part of the job's trace; null when the job is not traced. */
    private final RankTrace trace;

    /**
     * A world communicator over a device endpoint, on context 0 (its collectives use context 1).
     *
     * @param endpoint this rank's attachment to the device
     */
    public Comm(Endpoint endpoint) {
        this(traced(endpoint), 0, Group.world(endpoint.size(), endpoint.rank()), new ContextCounter());
    }

    // A traced job's communicators talk to the device through a recorder; an untraced job's talk
    // to it directly, so tracing costs nothing when it is off.
    private static Endpoint traced(Endpoint endpoint) {
        JobTrace trace = endpoint.settings().trace();
        return trace == null ? endpoint : new TracingEndpoint(endpoint, trace.rank(endpoint.rank()));
    }

    /**
     * A communicator of the same ranks and context as another; for subclasses that add
     * operations, such as {@code Intracomm}.
     *
     * @param base the communicator to share
     */
    protected Comm(Comm base) {
        this(base.endpoint, base.context, base.group, base.contexts);
    }

    /**
     * A new communicator over some ranks of another, on a context the caller has agreed with every
     * one of those ranks (MPI_Comm_create): the building block of {@code split} and {@code dup}.
     * The context must come from {@link #freeContext()} agreed across the members, for instance as
     * the maximum of every member's value; this rank then never hands it out again.
     *
     * @param parent the communicator whose ranks the new one takes
     * @param context the new communicator's point-to-point context, an even number from
     *     {@link #freeContext()}; its collectives use {@code context + 1}
     * @param parentRanks the members as ranks of {@code parent}, in the order of their new ranks;
     *     the calling rank must be among them
     */
    protected Comm(Comm parent, int context, int[] parentRanks) {
        this(parent.endpoint, checkContext(parent, context),
                parent.group.subgroup(parentRanks, parent.endpoint.size(), parent.endpoint.rank()), parent.contexts);
        contexts.use(context);
        endpoint.communicatorCreated(context, worldRanks());
    }

    private Comm(Endpoint endpoint, int context, Group group, ContextCounter contexts) {
        this.endpoint = endpoint;
        this.context = context;
        this.group = group;
        this.contexts = contexts;
        this.trace = endpoint instanceof TracingEndpoint t ? t.trace() : null;
    }

    private static int checkContext(Comm parent, int context) {
        if (context < 2 || (context & 1) == 1) {
            throw new RanksException(ErrorClass.ARG, parent.rank(), "context " + context
                    + " is invalid: expected an even number >= 2 from freeContext()", null);
        }
        return context;
    }

    /**
     * The lowest context this rank has not used for any communicator yet. Creating a communicator
     * takes the maximum of this value over its members, so that no member already uses it.
     *
     * @return an even context number, at least 2
     */
    protected final int freeContext() {
        return contexts.next;
    }

    /**
     * A view of this communicator on its own collective context: messages sent through it never
     * match user point-to-point messages on this communicator. For collective algorithms.
     *
     * @return the collective view
     */
    protected final Comm collectiveView() {
        if ((context & 1) == 1) {
            return this;
        }
        return new Comm(endpoint, context + 1, group, contexts);
    }

    /**
     * The context this communicator's collectives use, the one {@link #collectiveView()} sends on
     * (the point-to-point context + 1): how collectives name the communicator to a device that runs
     * them itself ({@link NativeCollectives}).
     *
     * @return an odd context number
     */
    protected final int collectiveContext() {
        return context | 1;
    }

    /**
     * Collectives the device runs with its own implementation, such as the MPI library's.
     *
     * @return the device's collectives, or null when it has none
     */
    protected final NativeCollectives nativeCollectives() {
        return endpoint.nativeCollectives();
    }

    /** The contexts one rank has used, shared by every communicator of that rank. */
    private static final class ContextCounter {
        private int next = 2;

        void use(int context) {
            next = Math.max(next, context + 2);
        }
    }

    /** @return this rank's number, from 0 to {@link #size()} - 1 (MPI_Comm_rank) */
    public int rank() {
        return group.rank();
    }

    /** @return the number of ranks (MPI_Comm_size) */
    public int size() {
        return group.size();
    }

    /** @return the job's settings */
    public Settings settings() {
        return endpoint.settings();
    }

    /**
     * Marks a region of this rank's timeline, such as a phase of the program, for a job run with a
     * trace ({@code launcher --trace FILE}, see docs/trace.md): the region is a span on this rank's
     * track from now until the returned object is closed. Without a trace it records nothing.
     *
     * <pre>{@code
     * try (TraceSpan phase = world.trace("exchange")) {
     *     world.sendrecv(...);
     * }
     * }</pre>
     *
     * @param name the region's name, shown on the span
     * @return the region, to close when it ends
     */
    public TraceSpan trace(String name) {
        if (trace == null) {
            return TraceSpan.OFF;
        }
        if (name == null) {
            throw new RanksException(ErrorClass.ARG, rank(), "trace region name is null: expected a name such as"
                    + " \"phase 1\"", null);
        }
        return new TraceSpan(trace, name);
    }

    /**
     * This rank's part of the job's trace, for modules that record their own spans (collectives
     * record each call with its algorithm).
     *
     * @return the part, or null when the job is not traced
     */
    protected final RankTrace rankTrace() {
        return trace;
    }

    /**
     * The device's memory shared by this communicator's ranks, for collectives that work through
     * it instead of messages.
     *
     * @return the shared memory, or null when the device's ranks do not share an address space
     */
    protected final SharedMemory sharedMemory() {
        return endpoint.sharedMemory();
    }

    /**
     * What identifies this communicator the same way on every member, for objects its members
     * share ({@link SharedMemory#area}): its collective context and its members' world ranks. Two
     * communicators with a member in common never share a context, and communicators with the same
     * context (the siblings of one split) have different members.
     *
     * @return a key with value equality
     */
    protected final Object sharedKey() {
        return new SharedKey(context, worldRanks());
    }

    /**
     * The world rank of each member, for messages about the job as a whole (deadlock reports name
     * world ranks).
     *
     * @return a new array: element {@code i} is the world rank of this communicator's rank {@code i}
     */
    protected final int[] worldRanks() {
        int[] members = new int[group.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = group.world(i);
        }
        return members;
    }

    /** A communicator's identity for {@link #sharedKey()}. */
    private record SharedKey(int context, int[] members) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SharedKey k && k.context == context && java.util.Arrays.equals(k.members, members);
        }

        @Override
        public int hashCode() {
            return 31 * context + java.util.Arrays.hashCode(members);
        }

        @Override
        public String toString() {
            return "context " + context + ", world ranks " + java.util.Arrays.toString(members);
        }
    }

    /** @return seconds since a fixed point in the past, for timing (MPI_Wtime) */
    public double wtime() {
        return endpoint.wtime();
    }

    /**
     * Ends the whole job (MPI_Abort): every other rank's blocked call is released with a
     * {@link JobAbortedException}, and the launcher reports this rank and exits 1. Never returns.
     *
     * @param code the abort code, reported by the launcher
     */
    public void abort(int code) {
        throw endpoint.abort(code);
    }

    // ---------------------------------------------------------------- objects

    /**
     * Sends an object (mpi4py's {@code comm.send}); returns once the object may be changed again.
     *
     * @param obj the object, copied unless immutable; may be null
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(Object obj, int dest, int tag) {
        startObject(obj, dest, tag, false).waitFor();
    }

    /**
     * Sends an object and returns only once the matching receive has started (MPI_Ssend).
     *
     * @param obj the object, copied unless immutable; may be null
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(Object obj, int dest, int tag) {
        startObject(obj, dest, tag, true).waitFor();
    }

    /**
     * Starts sending an object (mpi4py's {@code comm.isend}).
     *
     * @param obj the object, copied at once unless immutable; may be null
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(Object obj, int dest, int tag) {
        return startObject(obj, dest, tag, false);
    }

    /**
     * Receives an object (mpi4py's {@code comm.recv}).
     *
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @param <T> the type expected
     * @return the object; null from {@link #PROC_NULL}
     * @throws TypeMismatchException when the message is a primitive array
     */
    public <T> T recv(int source, int tag) {
        return this.<T>irecv(source, tag).get();
    }

    /**
     * Receives an object together with its status.
     *
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @param <T> the type expected
     * @return the object and its status
     */
    public <T> Received<T> recvWithStatus(int source, int tag) {
        ObjectRequest<T> request = irecv(source, tag);
        T value = request.get();
        return new Received<>(value, request.waitFor());
    }

    /**
     * Starts receiving an object (mpi4py's {@code comm.irecv}).
     *
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @param <T> the type expected
     * @return the request; {@link ObjectRequest#get()} returns the object
     */
    public <T> ObjectRequest<T> irecv(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        if (source == PROC_NULL) {
            return new ObjectRequest<>(Status.empty());
        }
        return new ObjectRequest<>(endpoint, endpoint.receive(context, group.world(source), tag, Sink.object()), group);
    }

    /**
     * Sends an object and receives one, without deadlock between the pair (mpi4py's
     * {@code comm.sendrecv}).
     *
     * @param obj the object to send
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @param <T> the type expected
     * @return the object received
     */
    public <T> T sendrecv(Object obj, int dest, int sendTag, int source, int recvTag) {
        ObjectRequest<T> in = irecv(source, recvTag);
        Request out = startObject(obj, dest, sendTag, false);
        T value = in.get();
        out.waitFor();
        return value;
    }

    // ---------------------------------------------------------------- any primitive array

    /**
     * Starts sending part of a primitive array of any of the eight types, the type read from the
     * array itself: the typed {@code isend} overloads for code that handles every array type alike,
     * such as collective algorithms.
     *
     * @param array a primitive array
     * @param offset the first element to send
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     * @throws RanksException with {@link ErrorClass#ARG} when {@code array} is not a primitive array
     */
    public Request isendArray(Object array, int offset, int count, int dest, int tag) {
        return startSend(arrayType(array), array, java.lang.reflect.Array.getLength(array), offset, count, dest, tag,
                false);
    }

    /**
     * Starts receiving into part of a primitive array of any of the eight types: the typed
     * {@code irecv} overloads for code that handles every array type alike.
     *
     * @param array a primitive array
     * @param offset where the first element goes
     * @param count room for this many elements
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     * @throws RanksException with {@link ErrorClass#ARG} when {@code array} is not a primitive array
     */
    public Request irecvArray(Object array, int offset, int count, int source, int tag) {
        return startRecv(arrayType(array), array, java.lang.reflect.Array.getLength(array), offset, count, source, tag);
    }

    private ElementType arrayType(Object array) {
        return ElementType.ofArray(array).orElseThrow(() -> new RanksException(ErrorClass.ARG, rank(),
                (array == null ? "null" : array.getClass().getSimpleName())
                        + " is not a primitive array: expected one of byte[] short[] int[] long[] float[] double[] char[] boolean[]",
                null));
    }

    // ---------------------------------------------------------------- probes

    /**
     * Waits until a message that a receive with these arguments would match has arrived, and
     * returns its status without receiving it (MPI_Probe).
     *
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the message's status; {@link Status#empty()} for {@link #PROC_NULL}
     */
    public Status probe(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        if (source == PROC_NULL) {
            return Status.empty();
        }
        return group.status(endpoint.probe(context, group.world(source), tag, true));
    }

    /**
     * Checks without blocking for a message that a receive with these arguments would match
     * (MPI_Iprobe).
     *
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the message's status, or empty when none has arrived
     */
    public Optional<Status> iprobe(int source, int tag) {
        checkSource(source);
        checkRecvTag(tag);
        if (source == PROC_NULL) {
            return Optional.of(Status.empty());
        }
        Status status = endpoint.probe(context, group.world(source), tag, false);
        return status == null ? Optional.empty() : Optional.of(group.status(status));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(rank " + rank() + " of " + size() + ", context " + context + ")";
    }

    // ---------------------------------------------------------------- workers

    private Request startObject(Object obj, int dest, int tag, boolean synchronous) {
        checkDest(dest);
        checkSendTag(tag);
        if (dest == PROC_NULL) {
            return new Request(Status.empty());
        }
        return start(ObjectCodec.wrap(obj, rank()), dest, tag, synchronous);
    }

    private Request startSend(ElementType type, Object buf, int length, int offset, int count, int dest, int tag,
                              boolean synchronous) {
        checkSend(length, offset, count, dest, tag);
        if (dest == PROC_NULL) {
            return new Request(Status.empty());
        }
        return start(Payload.array(type, buf, offset, count), dest, tag, synchronous);
    }

    private Request start(Payload payload, int dest, int tag, boolean synchronous) {
        DeviceRequest request = endpoint.send(context, group.world(dest), tag, payload, synchronous);
        return new Request(endpoint, request, group);
    }

    private Request startRecv(ElementType type, Object buf, int length, int offset, int count, int source, int tag) {
        checkRecv(length, offset, count, source, tag);
        if (source == PROC_NULL) {
            return new Request(Status.empty());
        }
        return new Request(endpoint, endpoint.receive(context, group.world(source), tag, Sink.array(type, buf, offset, count)),
                group);
    }

    // The blocking forms skip the Request wrapper and call the device's blocking methods, which the
    // local device runs without allocating: they are the latency path.
    private void sendNow(ElementType type, Object buf, int length, int offset, int count, int dest, int tag,
                         boolean synchronous) {
        checkSend(length, offset, count, dest, tag);
        if (dest != PROC_NULL) {
            endpoint.sendAndWait(context, group.world(dest), tag, type, buf, offset, count, synchronous);
        }
    }

    private Status recvNow(ElementType type, Object buf, int length, int offset, int count, int source, int tag) {
        checkRecv(length, offset, count, source, tag);
        if (source == PROC_NULL) {
            return Status.empty();
        }
        return group.status(endpoint.receiveAndWait(context, group.world(source), tag, type, buf, offset, count));
    }

    private Status exchange(ElementType type, Object sendBuf, int sendLength, int sendOffset, int sendCount,
                            int dest, int sendTag, Object recvBuf, int recvLength, int recvOffset, int recvCount,
                            int source, int recvTag) {
        Request in = startRecv(type, recvBuf, recvLength, recvOffset, recvCount, source, recvTag);
        Request out = startSend(type, sendBuf, sendLength, sendOffset, sendCount, dest, sendTag, false);
        Status status = in.waitFor();
        out.waitFor();
        return status;
    }

    private Status exchangeReplace(ElementType type, Object buf, int length, int offset, int count, int dest,
                                   int sendTag, int source, int recvTag) {
        checkSend(length, offset, count, dest, sendTag);
        checkRecv(length, offset, count, source, recvTag);
        Request out = dest == PROC_NULL ? new Request(Status.empty())
                : start(Payload.array(type, buf, offset, count).detached(), dest, sendTag, false);
        Status status = recvNow(type, buf, length, offset, count, source, recvTag);
        out.waitFor();
        return status;
    }

    private void checkSend(int length, int offset, int count, int dest, int tag) {
        checkSlice(length, offset, count);
        checkDest(dest);
        checkSendTag(tag);
    }

    private void checkRecv(int length, int offset, int count, int source, int tag) {
        checkSlice(length, offset, count);
        checkSource(source);
        checkRecvTag(tag);
    }

    private void checkDest(int dest) {
        if (dest != PROC_NULL && (dest < 0 || dest >= size())) {
            throw new RanksException(ErrorClass.RANK, rank(), "destination rank " + dest + " is out of range: expected 0.."
                    + (size() - 1) + " or PROC_NULL", null);
        }
    }

    private void checkSource(int source) {
        if (source != PROC_NULL && source != ANY_SOURCE && (source < 0 || source >= size())) {
            throw new RanksException(ErrorClass.RANK, rank(), "source rank " + source + " is out of range: expected 0.."
                    + (size() - 1) + ", ANY_SOURCE or PROC_NULL", null);
        }
    }

    private void checkSendTag(int tag) {
        if (tag < 0) {
            throw new RanksException(ErrorClass.TAG, rank(), "send tag " + tag + " is invalid: expected a tag >= 0", null);
        }
    }

    private void checkRecvTag(int tag) {
        if (tag < 0 && tag != ANY_TAG) {
            throw new RanksException(ErrorClass.TAG, rank(), "receive tag " + tag
                    + " is invalid: expected a tag >= 0 or ANY_TAG", null);
        }
    }

    private void checkSlice(int length, int offset, int count) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new RanksException(ErrorClass.COUNT, rank(), "offset " + offset + " and count " + count
                    + " do not fit an array of length " + length + ": expected 0 <= offset, 0 <= count, offset + count <= "
                    + length, null);
        }
    }

    // ---------------------------------------------------------------- primitive arrays
    // One thin overload per element type and form; each calls the private worker of its form.

    /**
     * Sends a whole byte[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(byte[] buf, int dest, int tag) {
        sendNow(ElementType.BYTE, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a byte[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(byte[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.BYTE, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole byte[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(byte[] buf, int dest, int tag) {
        sendNow(ElementType.BYTE, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a byte[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(byte[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.BYTE, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole byte[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(byte[] buf, int dest, int tag) {
        return startSend(ElementType.BYTE, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a byte[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(byte[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.BYTE, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole byte[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(byte[] buf, int source, int tag) {
        return recvNow(ElementType.BYTE, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a byte[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(byte[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.BYTE, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole byte[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(byte[] buf, int source, int tag) {
        return startRecv(ElementType.BYTE, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a byte[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(byte[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.BYTE, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one byte[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(byte[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           byte[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.BYTE, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a byte[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(byte[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.BYTE, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole short[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(short[] buf, int dest, int tag) {
        sendNow(ElementType.SHORT, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a short[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(short[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.SHORT, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole short[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(short[] buf, int dest, int tag) {
        sendNow(ElementType.SHORT, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a short[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(short[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.SHORT, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole short[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(short[] buf, int dest, int tag) {
        return startSend(ElementType.SHORT, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a short[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(short[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.SHORT, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole short[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(short[] buf, int source, int tag) {
        return recvNow(ElementType.SHORT, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a short[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(short[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.SHORT, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole short[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(short[] buf, int source, int tag) {
        return startRecv(ElementType.SHORT, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a short[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(short[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.SHORT, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one short[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(short[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           short[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.SHORT, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a short[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(short[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.SHORT, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole int[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(int[] buf, int dest, int tag) {
        sendNow(ElementType.INT, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a int[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.INT, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole int[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(int[] buf, int dest, int tag) {
        sendNow(ElementType.INT, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a int[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(int[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.INT, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole int[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(int[] buf, int dest, int tag) {
        return startSend(ElementType.INT, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a int[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(int[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.INT, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole int[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(int[] buf, int source, int tag) {
        return recvNow(ElementType.INT, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a int[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(int[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.INT, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole int[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(int[] buf, int source, int tag) {
        return startRecv(ElementType.INT, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a int[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(int[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.INT, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one int[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(int[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           int[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.INT, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a int[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(int[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.INT, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole long[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(long[] buf, int dest, int tag) {
        sendNow(ElementType.LONG, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a long[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(long[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.LONG, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole long[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(long[] buf, int dest, int tag) {
        sendNow(ElementType.LONG, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a long[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(long[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.LONG, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole long[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(long[] buf, int dest, int tag) {
        return startSend(ElementType.LONG, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a long[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(long[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.LONG, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole long[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(long[] buf, int source, int tag) {
        return recvNow(ElementType.LONG, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a long[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(long[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.LONG, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole long[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(long[] buf, int source, int tag) {
        return startRecv(ElementType.LONG, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a long[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(long[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.LONG, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one long[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(long[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           long[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.LONG, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a long[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(long[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.LONG, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole float[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(float[] buf, int dest, int tag) {
        sendNow(ElementType.FLOAT, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a float[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(float[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.FLOAT, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole float[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(float[] buf, int dest, int tag) {
        sendNow(ElementType.FLOAT, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a float[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(float[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.FLOAT, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole float[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(float[] buf, int dest, int tag) {
        return startSend(ElementType.FLOAT, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a float[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(float[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.FLOAT, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole float[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(float[] buf, int source, int tag) {
        return recvNow(ElementType.FLOAT, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a float[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(float[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.FLOAT, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole float[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(float[] buf, int source, int tag) {
        return startRecv(ElementType.FLOAT, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a float[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(float[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.FLOAT, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one float[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(float[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           float[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.FLOAT, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a float[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(float[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.FLOAT, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole double[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(double[] buf, int dest, int tag) {
        sendNow(ElementType.DOUBLE, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a double[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.DOUBLE, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole double[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(double[] buf, int dest, int tag) {
        sendNow(ElementType.DOUBLE, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a double[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(double[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.DOUBLE, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole double[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(double[] buf, int dest, int tag) {
        return startSend(ElementType.DOUBLE, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a double[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(double[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.DOUBLE, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole double[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(double[] buf, int source, int tag) {
        return recvNow(ElementType.DOUBLE, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a double[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(double[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.DOUBLE, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole double[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(double[] buf, int source, int tag) {
        return startRecv(ElementType.DOUBLE, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a double[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(double[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.DOUBLE, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one double[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(double[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           double[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.DOUBLE, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a double[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(double[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.DOUBLE, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole char[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(char[] buf, int dest, int tag) {
        sendNow(ElementType.CHAR, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a char[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(char[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.CHAR, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole char[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(char[] buf, int dest, int tag) {
        sendNow(ElementType.CHAR, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a char[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(char[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.CHAR, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole char[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(char[] buf, int dest, int tag) {
        return startSend(ElementType.CHAR, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a char[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(char[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.CHAR, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole char[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(char[] buf, int source, int tag) {
        return recvNow(ElementType.CHAR, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a char[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(char[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.CHAR, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole char[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(char[] buf, int source, int tag) {
        return startRecv(ElementType.CHAR, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a char[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(char[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.CHAR, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one char[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(char[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           char[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.CHAR, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a char[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(char[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.CHAR, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }

    /**
     * Sends a whole boolean[] (MPI_Send); returns once the array may be changed again.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(boolean[] buf, int dest, int tag) {
        sendNow(ElementType.BOOLEAN, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Sends {@code count} elements of a boolean[] from {@code offset} (MPI_Send).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void send(boolean[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.BOOLEAN, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Sends a whole boolean[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(boolean[] buf, int dest, int tag) {
        sendNow(ElementType.BOOLEAN, buf, buf.length, 0, buf.length, dest, tag, true);
    }

    /**
     * Sends part of a boolean[] and returns once the matching receive has started (MPI_Ssend).
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     */
    public void ssend(boolean[] buf, int offset, int count, int dest, int tag) {
        sendNow(ElementType.BOOLEAN, buf, buf.length, offset, count, dest, tag, true);
    }

    /**
     * Starts sending a whole boolean[] (MPI_Isend); leave the array unchanged until the request completes.
     *
     * @param buf the data
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(boolean[] buf, int dest, int tag) {
        return startSend(ElementType.BOOLEAN, buf, buf.length, 0, buf.length, dest, tag, false);
    }

    /**
     * Starts sending part of a boolean[] (MPI_Isend); leave it unchanged until the request completes.
     *
     * @param buf the data
     * @param offset the first element sent
     * @param count the number of elements
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param tag the tag, at least 0
     * @return the request
     */
    public Request isend(boolean[] buf, int offset, int count, int dest, int tag) {
        return startSend(ElementType.BOOLEAN, buf, buf.length, offset, count, dest, tag, false);
    }

    /**
     * Receives into a whole boolean[] (MPI_Recv).
     *
     * @param buf where the data goes; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(boolean[] buf, int source, int tag) {
        return recvNow(ElementType.BOOLEAN, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Receives at most {@code count} elements into a boolean[] from {@code offset} (MPI_Recv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive; a longer message is a {@link TruncationException}
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the status: source, tag and the number of elements received
     */
    public Status recv(boolean[] buf, int offset, int count, int source, int tag) {
        return recvNow(ElementType.BOOLEAN, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Starts receiving into a whole boolean[] (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(boolean[] buf, int source, int tag) {
        return startRecv(ElementType.BOOLEAN, buf, buf.length, 0, buf.length, source, tag);
    }

    /**
     * Starts receiving at most {@code count} elements into a boolean[] from {@code offset} (MPI_Irecv).
     *
     * @param buf where the data goes
     * @param offset the first element filled
     * @param count the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param tag the tag or {@link #ANY_TAG}
     * @return the request
     */
    public Request irecv(boolean[] buf, int offset, int count, int source, int tag) {
        return startRecv(ElementType.BOOLEAN, buf, buf.length, offset, count, source, tag);
    }

    /**
     * Sends part of one boolean[] and receives into another, without deadlock between the pair (MPI_Sendrecv).
     *
     * @param sendBuf the data to send
     * @param sendOffset the first element sent
     * @param sendCount the number of elements sent
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param recvBuf where the received data goes
     * @param recvOffset the first element filled
     * @param recvCount the most elements to receive
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecv(boolean[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
                           boolean[] recvBuf, int recvOffset, int recvCount, int source, int recvTag) {
        return exchange(ElementType.BOOLEAN, sendBuf, sendBuf.length, sendOffset, sendCount, dest, sendTag,
                recvBuf, recvBuf.length, recvOffset, recvCount, source, recvTag);
    }

    /**
     * Sends part of a boolean[] and receives into the same elements (MPI_Sendrecv_replace).
     *
     * @param buf the data to send, overwritten by the data received
     * @param offset the first element
     * @param count the number of elements sent, and the most received
     * @param dest the destination rank or {@link #PROC_NULL}
     * @param sendTag the tag of the message sent
     * @param source the source rank, {@link #ANY_SOURCE} or {@link #PROC_NULL}
     * @param recvTag the tag to receive, or {@link #ANY_TAG}
     * @return the status of the message received
     */
    public Status sendrecvReplace(boolean[] buf, int offset, int count, int dest, int sendTag, int source, int recvTag) {
        return exchangeReplace(ElementType.BOOLEAN, buf, buf.length, offset, count, dest, sendTag, source, recvTag);
    }
}
