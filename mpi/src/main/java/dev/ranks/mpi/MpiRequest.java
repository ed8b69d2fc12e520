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
 * A non-blocking send or receive on the mpi device: at most two MPI requests one after the other
 * or side by side (a header with inline data, then or beside it a large message's data on aux),
 * over native buffers this request owns and frees as it completes. A receive reads the header
 * when its first request completes and only then knows whether data follows on aux.
 */
final class MpiRequest implements DeviceRequest {
    private final MpiEndpoint endpoint;
    private final MpiEndpoint.Contexts contexts;
    private final Sink sink;
    /** The header (and inline data) request, 0 once complete. */
    private long first;
    /** The large data request, 0 when there is none or it completed. */
    private long data;
    private long firstBuffer;
    private long dataBuffer;
    private final int[] st = new int[MpiNative.STATUS];
    private boolean done;
    private Status status;
    private RanksException error;
    private Payload received;
    /** A receive's header, once read: kind, element type, count, source (in the context), tag. */
    private int kind;
    private int type;
    private int count;
    private int source;
    private int tag;

    private MpiRequest(MpiEndpoint endpoint, MpiEndpoint.Contexts contexts, Sink sink) {
        this.endpoint = endpoint;
        this.contexts = contexts;
        this.sink = sink;
    }

    /** Starts a send: copies the payload to native memory and hands it to MPI. */
    static MpiRequest send(MpiEndpoint endpoint, MpiEndpoint.Contexts c, int to, int worldDest, int tag, Payload payload,
                           boolean synchronous) {
        endpoint.onOwner();
        MpiRequest r = new MpiRequest(endpoint, c, null);
        ElementType type = payload.type();
        int kind;
        int count;
        Object array;
        int offset;
        int elementType;
        if (type == ElementType.OBJECT) {
            byte[] bytes = endpoint.encode(payload);
            count = bytes == null ? 0 : bytes.length;
            kind = bytes == null ? MpiEndpoint.KIND_NULL
                    : count <= MpiEndpoint.INLINE_MAX ? MpiEndpoint.KIND_OBJECT_INLINE : MpiEndpoint.KIND_OBJECT_LARGE;
            array = bytes;
            offset = 0;
            elementType = ElementType.BYTE.ordinal();
        } else {
            count = payload.count();
            kind = (long) count * type.bytes() <= MpiEndpoint.INLINE_MAX ? MpiEndpoint.KIND_INLINE : MpiEndpoint.KIND_LARGE;
            array = payload.data();
            offset = payload.offset();
            elementType = type.ordinal();
        }
        boolean inline = kind == MpiEndpoint.KIND_INLINE || kind == MpiEndpoint.KIND_OBJECT_INLINE;
        int bytes = inline ? count * (type == ElementType.OBJECT ? 1 : type.bytes()) : 0;
        r.firstBuffer = MpiNative.allocate(MpiEndpoint.HEADER + bytes);
        MpiNative.putHeader(r.firstBuffer, kind, type.ordinal(), count);
        if (inline && count > 0) {
            MpiNative.put(r.firstBuffer, MpiEndpoint.HEADER, elementType, array, offset, count);
        }
        long[] out = new long[1];
        r.started(MpiNative.isend(c.main(), to, tag, r.firstBuffer, MpiEndpoint.HEADER + bytes, -1,
                synchronous && inline, out), "MPI_Isend");
        r.first = out[0];
        if (!inline && kind != MpiEndpoint.KIND_NULL) {
            int elementBytes = type == ElementType.OBJECT ? 1 : type.bytes();
            r.dataBuffer = MpiNative.allocate((long) count * elementBytes);
            MpiNative.put(r.dataBuffer, 0, elementType, array, offset, count);
            r.started(MpiNative.isend(c.aux(), to, tag, r.dataBuffer, count,
                    type == ElementType.OBJECT ? -1 : elementType, synchronous, out), "MPI_Isend");
            r.data = out[0];
        }
        r.status = new Status(worldDest, tag, type == ElementType.OBJECT ? 1 : count, type, false);
        return r;
    }

    /** Posts a receive's header request on MPI. */
    static MpiRequest receive(MpiEndpoint endpoint, MpiEndpoint.Contexts c, int from, int tag, Sink sink) {
        endpoint.onOwner();
        MpiRequest r = new MpiRequest(endpoint, c, sink);
        r.firstBuffer = MpiNative.allocate(MpiEndpoint.STAGING);
        long[] out = new long[1];
        r.started(MpiNative.irecv(c.main(), from, tag, r.firstBuffer, MpiEndpoint.STAGING, -1, out), "MPI_Irecv");
        r.first = out[0];
        return r;
    }

    /** A receive matched at once by a message a probe took. */
    static MpiRequest fromTaken(MpiEndpoint endpoint, MpiEndpoint.Contexts c, Taken t, Sink sink) {
        MpiRequest r = new MpiRequest(endpoint, c, sink);
        try {
            if (sink.type() == ElementType.OBJECT) {
                if (!t.isObject()) {
                    t.drain(endpoint, c);
                    throw new TypeMismatchException(endpoint.rankForErrors(), t.elementType(), ElementType.OBJECT,
                            MpiEndpoint.from(c.members()[t.source], t.tag));
                }
                r.received = MpiEndpoint.objectPayload(t.kind, t.kind == MpiEndpoint.KIND_NULL ? null
                        : t.objectBytes(endpoint, c));
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
        if (first != 0) {
            int rc = MpiNative.complete(first, block, sink == null ? 0 : firstBuffer, st);
            if (rc < 0) {
                first = 0;
                fail(-rc, sink == null ? "MPI_Isend" : "MPI_Irecv");
                return;
            }
            if (rc == 0) {
                return;
            }
            first = 0;
            if (sink != null) {
                onHeader();
            }
        }
        if (data != 0) {
            int rc = MpiNative.complete(data, block, 0, st);
            if (rc < 0) {
                data = 0;
                fail(-rc, "MPI_Irecv");
                return;
            }
            if (rc == 0) {
                return;
            }
            data = 0;
            if (sink != null) {
                onData();
            }
        }
        if (first == 0 && data == 0) {
            free();
            done = true;
        }
    }

    /** A receive's header (and inline data) arrived: deliver it, or post the receive of its data on aux. */
    private void onHeader() {
        kind = st[MpiNative.KIND];
        type = st[MpiNative.TYPE];
        count = st[MpiNative.COUNT];
        source = st[MpiNative.SOURCE];
        tag = st[MpiNative.TAG];
        boolean object = kind >= MpiEndpoint.KIND_OBJECT_INLINE;
        ElementType sent = object ? ElementType.OBJECT : ElementType.values()[type];
        int worldSource = contexts.members()[source];
        boolean large = kind == MpiEndpoint.KIND_LARGE || kind == MpiEndpoint.KIND_OBJECT_LARGE;
        if (sent != sink.type() || (!object && count > sink.capacity())) {
            if (large) {
                endpoint.check(MpiNative.drainData(contexts.aux(), source, tag, object ? ElementType.OBJECT.ordinal()
                        : type, count), "MPI_Recv");
            }
            error = sent != sink.type()
                    ? new TypeMismatchException(endpoint.rankForErrors(), sent, sink.type(), MpiEndpoint.from(worldSource, tag))
                    : new TruncationException(endpoint.rankForErrors(), count, sink.capacity(),
                    MpiEndpoint.from(worldSource, tag));
            return;
        }
        status = new Status(worldSource, tag, object ? 1 : count, sent, false);
        if (large) {
            int elementBytes = object ? 1 : sent.bytes();
            dataBuffer = MpiNative.allocate((long) count * elementBytes);
            long[] out = new long[1];
            int rc = MpiNative.irecv(contexts.aux(), source, tag, dataBuffer, count, object ? -1 : type, out);
            if (rc != 0) {
                fail(rc, "MPI_Irecv");
                return;
            }
            data = out[0];
            return;
        }
        if (object) {
            byte[] bytes = null;
            if (kind == MpiEndpoint.KIND_OBJECT_INLINE) {
                bytes = new byte[count];
                MpiNative.get(firstBuffer, MpiEndpoint.HEADER, ElementType.BYTE.ordinal(), bytes, 0, count);
            }
            received = MpiEndpoint.objectPayload(kind, bytes);
        } else if (count > 0) {
            MpiNative.get(firstBuffer, MpiEndpoint.HEADER, type, sink.array(), sink.offset(), count);
        }
    }

    /** A large message's data arrived in native memory: copy it into the receive's array or object. */
    private void onData() {
        if (sink.type() == ElementType.OBJECT) {
            byte[] bytes = new byte[count];
            MpiNative.get(dataBuffer, 0, ElementType.BYTE.ordinal(), bytes, 0, count);
            received = MpiEndpoint.objectPayload(kind, bytes);
        } else {
            MpiNative.get(dataBuffer, 0, type, sink.array(), sink.offset(), count);
        }
    }

    private void fail(int rc, String call) {
        try {
            endpoint.check(rc, call);
        } catch (RanksException e) {
            error = e;
        }
        if (first == 0 && data == 0) {
            free();
            done = true;
        }
    }

    /** Cancels a receive whose header has not matched; one that matched goes on to complete. */
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
        onHeader();
        if (data == 0) {
            free();
            done = true;
        }
        return false;
    }

    private void free() {
        if (firstBuffer != 0) {
            MpiNative.release(firstBuffer);
            firstBuffer = 0;
        }
        if (dataBuffer != 0) {
            MpiNative.release(dataBuffer);
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
