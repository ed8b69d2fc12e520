package dev.ranks.mpi;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Status;
import dev.ranks.comm.TruncationException;
import dev.ranks.comm.TypeMismatchException;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;

/**
 * A non-blocking send or receive on the mpi device, over a native buffer this request owns and
 * frees as it completes: the message (header and data) for a send, room for the header and the
 * data a receive accepts. An object receive whose header announces a large object then receives
 * its bytes from the context's aux communicator; a large object's send leaves its bytes to the
 * endpoint's background sends ({@link MpiEndpoint#background}) and completes with its header.
 */
final class MpiRequest implements DeviceRequest {
    private final MpiEndpoint endpoint;
    private final MpiEndpoint.Contexts contexts;
    private final Sink sink;
    /** The message's MPI request, 0 once complete. */
    private long first;
    /** A large object's bytes' MPI request, 0 when there is none or it completed. */
    private long data;
    private long firstBuffer;
    private long dataBuffer;
    private final int[] st = new int[MpiNative.STATUS];
    private boolean done;
    private Status status;
    private RanksException error;
    private Payload received;
    private int kind;
    private int count;

    private MpiRequest(MpiEndpoint endpoint, MpiEndpoint.Contexts contexts, Sink sink) {
        this.endpoint = endpoint;
        this.contexts = contexts;
        this.sink = sink;
    }

    /** Starts a send: copies the payload (behind its header) to native memory and hands it to MPI. */
    static MpiRequest send(MpiEndpoint endpoint, MpiEndpoint.Contexts c, int to, int worldDest, int tag, Payload payload,
                           boolean synchronous) {
        endpoint.onOwner();
        endpoint.progressBackground(false);
        MpiRequest r = new MpiRequest(endpoint, c, null);
        ElementType type = payload.type();
        long[] out = new long[1];
        if (type != ElementType.OBJECT) {
            int count = payload.count();
            long bytes = (long) count * type.bytes();
            r.firstBuffer = endpoint.buffers().acquire(MpiEndpoint.HEADER + bytes);
            MpiNative.putHeader(r.firstBuffer, bytes <= MpiEndpoint.INLINE_MAX ? MpiEndpoint.KIND_INLINE
                    : MpiEndpoint.KIND_LARGE, type.ordinal(), count);
            if (count > 0) {
                MpiNative.put(r.firstBuffer, MpiEndpoint.HEADER, type.ordinal(), payload.data(), payload.offset(), count);
            }
            r.started(MpiNative.isend(c.main(), to, tag, r.firstBuffer, Math.toIntExact(MpiEndpoint.HEADER + bytes), -1,
                    synchronous, out), "MPI_Isend");
            r.first = out[0];
            r.status = new Status(worldDest, tag, count, type, false);
            return r;
        }
        byte[] bytes = endpoint.encode(payload);
        int count = bytes == null ? 0 : bytes.length;
        int kind = bytes == null ? MpiEndpoint.KIND_NULL
                : count <= MpiEndpoint.INLINE_MAX ? MpiEndpoint.KIND_OBJECT_INLINE : MpiEndpoint.KIND_OBJECT_LARGE;
        int inline = kind == MpiEndpoint.KIND_OBJECT_INLINE ? count : 0;
        r.firstBuffer = endpoint.buffers().acquire(MpiEndpoint.HEADER + inline);
        MpiNative.putHeader(r.firstBuffer, kind, type.ordinal(), count);
        if (inline > 0) {
            MpiNative.put(r.firstBuffer, MpiEndpoint.HEADER, ElementType.BYTE.ordinal(), bytes, 0, inline);
        }
        r.started(MpiNative.isend(c.main(), to, tag, r.firstBuffer, MpiEndpoint.HEADER + inline, -1, synchronous, out),
                "MPI_Isend");
        r.first = out[0];
        if (kind == MpiEndpoint.KIND_OBJECT_LARGE) {
            long buffer = endpoint.buffers().acquire(count);
            MpiNative.put(buffer, 0, ElementType.BYTE.ordinal(), bytes, 0, count);
            int rc = MpiNative.isend(c.aux(), to, tag, buffer, count, -1, false, out);
            if (rc != 0) {
                endpoint.buffers().release(buffer);
                endpoint.check(rc, "MPI_Isend");
            }
            endpoint.background(out[0], buffer);
        }
        r.status = new Status(worldDest, tag, 1, type, false);
        return r;
    }

    /** Posts a receive on MPI, with room for the header and as much data as the sink accepts. */
    static MpiRequest receive(MpiEndpoint endpoint, MpiEndpoint.Contexts c, int from, int tag, Sink sink) {
        endpoint.onOwner();
        MpiRequest r = new MpiRequest(endpoint, c, sink);
        long room = sink.type() == ElementType.OBJECT ? 0 : (long) sink.capacity() * sink.type().bytes();
        int bytes = Math.toIntExact(MpiEndpoint.HEADER + Math.max(MpiEndpoint.INLINE_MAX, room));
        r.firstBuffer = endpoint.buffers().acquire(bytes);
        // A library that truncates a message may deliver none of it (MPICH): mark the header unread.
        MpiNative.putHeader(r.firstBuffer, -1, -1, -1);
        long[] out = new long[1];
        r.started(MpiNative.irecv(c.main(), from, tag, r.firstBuffer, bytes, -1, out), "MPI_Irecv");
        r.first = out[0];
        return r;
    }

    /** A receive matched at once by a message a probe took. */
    static MpiRequest fromTaken(MpiEndpoint endpoint, MpiEndpoint.Contexts c, Taken t, Sink sink) {
        MpiRequest r = new MpiRequest(endpoint, c, sink);
        try {
            if (sink.type() == ElementType.OBJECT) {
                if (!t.isObject()) {
                    throw new TypeMismatchException(endpoint.rankForErrors(), t.elementType(), ElementType.OBJECT,
                            MpiEndpoint.from(c.members()[t.source], t.tag));
                }
                r.received = MpiEndpoint.objectPayload(t.kind, t.objectBytes(endpoint, c));
                r.status = t.status(c);
            } else {
                r.status = t.deliverTo(endpoint, c, sink.type(), sink.array(), sink.offset(), sink.capacity());
            }
        } catch (RanksException e) {
            r.error = e;
        }
        r.done = true;
        return r;
    }

    private void started(int rc, String call) {
        if (rc != 0) {
            free();
            endpoint.check(rc, call);
        }
    }

    @Override
    public boolean isComplete() {
        if (!done) {
            progress(false);
        }
        return done;
    }

    /** Waits until the request completes. */
    void await() {
        while (!done) {
            progress(true);
        }
    }

    private void progress(boolean block) {
        endpoint.progressBackground(false);
        if (first != 0) {
            int rc = MpiNative.complete(first, block, sink == null ? 0 : firstBuffer, st);
            if (rc == 0) {
                return;
            }
            first = 0;
            if (rc < 0) {
                error = failure(-rc, sink == null ? "MPI_Isend" : "MPI_Irecv");
            } else if (sink != null) {
                onMessage();
            }
        }
        if (data != 0) {
            int rc = MpiNative.complete(data, block, 0, st);
            if (rc == 0) {
                return;
            }
            data = 0;
            if (rc < 0) {
                error = failure(-rc, "MPI_Irecv");
            } else {
                byte[] bytes = new byte[count];
                MpiNative.get(dataBuffer, 0, ElementType.BYTE.ordinal(), bytes, 0, count);
                received = MpiEndpoint.objectPayload(kind, bytes);
            }
        }
        free();
        done = true;
    }

    /** A receive's message arrived: check and deliver it, or post the receive of a large object's bytes. */
    private void onMessage() {
        kind = st[MpiNative.KIND];
        count = st[MpiNative.COUNT];
        int source = st[MpiNative.SOURCE];
        int tag = st[MpiNative.TAG];
        int worldSource = contexts.members()[source];
        boolean object = kind >= MpiEndpoint.KIND_OBJECT_INLINE;
        ElementType sent = object || kind < 0 ? ElementType.OBJECT : MpiEndpoint.TYPES[st[MpiNative.TYPE]];
        String from = MpiEndpoint.from(worldSource, tag);
        if (kind < 0) {
            error = new TruncationException(endpoint.rankForErrors(), sink.type() == ElementType.OBJECT ? 1
                    : sink.capacity(), from);
            return;
        }
        if (sent != sink.type()) {
            if (kind == MpiEndpoint.KIND_OBJECT_LARGE) {
                // Its bytes follow on aux whoever receives it: take them off so they pair with no later header.
                endpoint.check(MpiNative.recvData(contexts.aux(), source, tag, new byte[count], count), "MPI_Recv");
            }
            error = new TypeMismatchException(endpoint.rankForErrors(), sent, sink.type(), from);
            return;
        }
        if (!object) {
            if (count > sink.capacity()) {
                error = new TruncationException(endpoint.rankForErrors(), count, sink.capacity(), from);
                return;
            }
            if (count > 0) {
                MpiNative.get(firstBuffer, MpiEndpoint.HEADER, sent.ordinal(), sink.array(), sink.offset(), count);
            }
            status = new Status(worldSource, tag, count, sent, false);
            return;
        }
        status = new Status(worldSource, tag, 1, sent, false);
        if (kind == MpiEndpoint.KIND_OBJECT_LARGE) {
            dataBuffer = endpoint.buffers().acquire(count);
            long[] out = new long[1];
            int rc = MpiNative.irecv(contexts.aux(), source, tag, dataBuffer, count, -1, out);
            if (rc != 0) {
                error = failure(rc, "MPI_Irecv");
                return;
            }
            data = out[0];
            return;
        }
        byte[] bytes = null;
        if (kind == MpiEndpoint.KIND_OBJECT_INLINE) {
            bytes = new byte[count];
            MpiNative.get(firstBuffer, MpiEndpoint.HEADER, ElementType.BYTE.ordinal(), bytes, 0, count);
        }
        received = MpiEndpoint.objectPayload(kind, bytes);
    }

    private RanksException failure(int rc, String call) {
        try {
            endpoint.check(rc, call);
            return null;
        } catch (RanksException e) {
            return e;
        }
    }

    /** Cancels a receive that has not matched; one that matched goes on to complete. */
    boolean cancel() {
        if (sink == null || done || first == 0) {
            return false;
        }
        int cancelled = MpiNative.cancel(first, firstBuffer, st);
        first = 0;
        if (cancelled == 1) {
            free();
            status = Status.cancelledStatus();
            done = true;
            return true;
        }
        onMessage();
        if (data == 0) {
            free();
            done = true;
        }
        return false;
    }

    private void free() {
        if (firstBuffer != 0) {
            endpoint.buffers().release(firstBuffer);
            firstBuffer = 0;
        }
        if (dataBuffer != 0 && data == 0) {
            endpoint.buffers().release(dataBuffer);
            dataBuffer = 0;
        }
    }

    @Override
    public Status status() {
        if (error != null) {
            throw error;
        }
        return status;
    }

    @Override
    public Payload received() {
        return received;
    }
}
