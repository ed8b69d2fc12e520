package dev.ranks.mpi;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobAbortedException;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;
import dev.ranks.comm.TruncationException;
import dev.ranks.comm.TypeMismatchException;
import dev.ranks.comm.internal.codec.ObjectCodec;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.NativeCollectives;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One rank's attachment to the MPI library. Each Ranks communicator context maps to MPI
 * communicators of the same members in the same order ({@link Contexts}): the world's are
 * duplicates of MPI_COMM_WORLD, and a communicator made by split or dup gets its own through
 * MPI_Comm_create_group as its members announce it ({@link #communicatorCreated}). MPI matches
 * messages, so MPI's ordering and wildcards hold as they are.
 *
 * <p>Every message begins with a 16-byte header: its kind, element type and count, so that a
 * receive can check the element type and report exact counts as every Ranks device does (MPI
 * alone would not). A primitive array is one MPI message: up to {@link #INLINE_MAX} bytes copied
 * behind the header through a native staging buffer; larger ones sent and received straight from
 * and into the Java array behind the header through an MPI datatype (blocking calls, with JNI
 * critical access), or through native copies (non-blocking calls, since a Java array cannot stay
 * pinned across calls). An object's encoding up to {@link #INLINE_MAX} bytes travels behind its
 * header; a larger one sends the header alone and its bytes on a second MPI communicator of the
 * same members (the context's "aux"), with the same tag, in the background: per sender and tag
 * both communicators keep order, so each header pairs with its bytes, and the sender never waits
 * on a receiver's Java code to post the second receive.
 *
 * <p>Probing must learn a message's type and count, which only its header holds: a probe takes
 * messages off MPI (oldest first from each source) into {@link #unexpected} until one matches,
 * and every later receive looks there before asking MPI.
 */
final class MpiEndpoint implements Endpoint {
    /** The largest message (in bytes, header excluded) sent inside one MPI message. */
    static final int INLINE_MAX = 4096;
    static final int HEADER = 16;
    static final int STAGING = HEADER + INLINE_MAX;
    static final int KIND_INLINE = 0;
    static final int KIND_LARGE = 1;
    static final int KIND_OBJECT_INLINE = 2;
    static final int KIND_OBJECT_LARGE = 3;
    static final int KIND_NULL = 4;
    /** Element types by ordinal, as headers carry them; {@code values()} would copy the array per message. */
    static final ElementType[] TYPES = ElementType.values();

    private final int rank;
    private final int size;
    private final Settings settings;
    private final int tagUpperBound;
    private final int anySource;
    private final int anyTag;
    private final Thread owner;
    /** The owner thread's staging buffer for blocking calls: a header and inline data, as Java sees it. */
    private final Staging stage;
    private final int[] st = new int[MpiNative.STATUS];
    /** Whether small blocking messages go through the FFM binding ({@link DirectCalls}). */
    private final boolean direct = DirectCalls.enabled();
    /** The owner thread's place for a direct send that did not complete at once. */
    private final long[] pending = new long[1];
    private final Map<Integer, Contexts> contexts = new HashMap<>();
    /** The context looked up last and its communicators: a job's hot loop stays on one. */
    private Contexts last;
    private int lastContext;
    /** Messages a probe took off MPI, oldest first; receives look here first. */
    private final List<Taken> unexpected = new ArrayList<>();
    private final MpiCollectives collectives;
    private final NativeBuffers buffers = new NativeBuffers();
    /** Large objects' bytes still being sent on aux, each as {request, native buffer}. */
    private final List<long[]> background = new ArrayList<>();
    private final int[] backgroundStatus = new int[MpiNative.STATUS];

    MpiEndpoint(Settings settings) {
        this.rank = Mpi.rank();
        this.size = Mpi.size();
        this.settings = settings;
        this.tagUpperBound = MpiNative.tagUpperBound();
        this.anySource = MpiNative.anySource();
        this.anyTag = MpiNative.anyTag();
        this.owner = Thread.currentThread();
        this.stage = new Staging(STAGING);
        int[] world = new int[size];
        for (int i = 0; i < size; i++) {
            world[i] = i;
        }
        // Collective over the world: every rank makes its endpoint as its job starts.
        long p2p = dup(0);
        Contexts worldP2p = new Contexts(p2p, dup(p2p), world);
        Contexts worldCollective = new Contexts(dup(p2p), dup(p2p), world);
        contexts.put(0, worldP2p);
        contexts.put(1, worldCollective);
        this.collectives = new MpiCollectives(this);
    }

    /** The MPI communicators of one Ranks context and the ranks of its members. */
    record Contexts(long main, long aux, int[] members, int[] local) {
        Contexts(long main, long aux, int[] members) {
            this(main, aux, members, inverse(members));
        }

        private static int[] inverse(int[] members) {
            int max = 0;
            for (int m : members) {
                max = Math.max(max, m);
            }
            int[] local = new int[max + 1];
            java.util.Arrays.fill(local, -1);
            for (int i = 0; i < members.length; i++) {
                local[members[i]] = i;
            }
            return local;
        }

        int localRank(int world) {
            return world < local.length ? local[world] : -1;
        }
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
    public void communicatorCreated(int context, int[] members) {
        onOwner();
        long[] out = new long[1];
        check(MpiNative.commCreateGroup(0, members, Math.min(context, tagUpperBound), out), "MPI_Comm_create_group");
        long main = out[0];
        contexts.put(context, new Contexts(main, dup(main), members.clone()));
        contexts.put(context + 1, new Contexts(dup(main), dup(main), members.clone()));
    }

    @Override
    public NativeCollectives nativeCollectives() {
        return collectives;
    }

    // ---------------------------------------------------------------- blocking, the latency path

    @Override
    public void sendAndWait(int context, int dest, int tag, ElementType type, Object array, int offset, int count,
                            boolean synchronous) {
        Contexts c = contexts(context);
        int to = local(c, dest);
        checkTag(tag);
        long bytes = (long) count * type.bytes();
        Staging buffer = stagingFor();
        try {
            if (bytes > INLINE_MAX) {
                check(MpiNative.send(c.main, to, tag, type.ordinal(), array, offset, count, synchronous,
                        buffer.address()), "MPI_Send");
                return;
            }
            if (direct && !synchronous && type != ElementType.BOOLEAN) {
                long[] left = buffer == stage ? pending : new long[1];
                check(DirectCalls.send(c.main, to, tag, type.ordinal(), array, offset, count, buffer.address(), left),
                        "MPI_Send");
                if (left[0] != 0) {
                    // Not sent within the direct call's tests: wait in native state, through JNI.
                    int done = MpiNative.complete(left[0], true, 0, buffer == stage ? st : new int[MpiNative.STATUS]);
                    check(done < 0 ? -done : 0, "MPI_Send");
                }
                return;
            }
            // Staged: copied here, so the JNI call takes only numbers (see Staging).
            buffer.putHeader(KIND_INLINE, type.ordinal(), count);
            buffer.put(HEADER, type, array, offset, count);
            check(MpiNative.sendStaged(c.main, to, tag, buffer.address(), HEADER + (int) bytes, synchronous),
                    "MPI_Send");
        } finally {
            releaseStaging(buffer);
        }
    }

    @Override
    public Status receiveAndWait(int context, int source, int tag, ElementType type, Object array, int offset,
                                 int capacity) {
        Contexts c = contexts(context);
        int from = source(c, source);
        int mpiTag = receiveTag(tag);
        Taken t = takeUnexpected(context, from, mpiTag);
        if (t != null) {
            return t.deliverTo(this, c, type, array, offset, capacity);
        }
        Staging buffer = stagingFor();
        int[] status = buffer == stage ? st : new int[MpiNative.STATUS];
        try {
            if (HEADER + (long) capacity * type.bytes() > STAGING) {
                check(MpiNative.recv(c.main, from, mpiTag, type.ordinal(), array, offset, capacity, buffer.address(),
                        STAGING, status), "MPI_Recv");
                return arrayStatus(c, status, type, capacity);
            }
            if (direct && type != ElementType.BOOLEAN) {
                long[] left = buffer == stage ? pending : new long[1];
                check(DirectCalls.recv(c.main, from, mpiTag, type.ordinal(), array, offset, capacity, buffer.address(),
                        STAGING, status, left), "MPI_Recv");
                if (left[0] == 0) {
                    return arrayStatus(c, status, type, capacity);
                }
                // Not there within the direct call's tests: wait in native state, through JNI, and
                // copy the elements in once the header has passed the type and truncation checks.
                int done = MpiNative.complete(left[0], true, buffer.address(), status);
                check(done < 0 ? -done : 0, "MPI_Recv");
            } else {
                // Staged: the JNI call takes only numbers and Java copies the elements out (see Staging).
                int rc = MpiNative.recvStaged(c.main, from, mpiTag, buffer.address(), STAGING);
                buffer.status(status);
                check(rc, "MPI_Recv");
            }
            Status s = arrayStatus(c, status, type, capacity);
            buffer.get(HEADER, type, array, offset, s.count());
            return s;
        } finally {
            releaseStaging(buffer);
        }
    }

    /** The status of a blocking array receive the shim finished, or its type or truncation error. */
    private Status arrayStatus(Contexts c, int[] status, ElementType type, int capacity) {
        int source = c.members[status[MpiNative.SOURCE]];
        int tag = status[MpiNative.TAG];
        int kind = status[MpiNative.KIND];
        if (kind < 0) {
            // The library reported a truncation and delivered nothing of the message, not even its header.
            throw new TruncationException(rank, capacity, from(source, tag));
        }
        ElementType sent = kind == KIND_INLINE || kind == KIND_LARGE ? MpiEndpoint.TYPES[status[MpiNative.TYPE]]
                : ElementType.OBJECT;
        if (sent != type) {
            throw new TypeMismatchException(rank, sent, type, from(source, tag));
        }
        int count = status[MpiNative.COUNT];
        if (count > capacity) {
            throw new TruncationException(rank, count, capacity, from(source, tag));
        }
        return new Status(source, tag, count, type, false);
    }

    static String from(int source, int tag) {
        return "the message from rank " + source + " with tag " + tag;
    }

    // ---------------------------------------------------------------- non-blocking

    @Override
    public DeviceRequest send(int context, int dest, int tag, Payload payload, boolean synchronous) {
        Contexts c = contexts(context);
        int to = local(c, dest);
        checkTag(tag);
        return MpiRequest.send(this, c, to, dest, tag, payload, synchronous);
    }

    @Override
    public DeviceRequest receive(int context, int source, int tag, Sink sink) {
        Contexts c = contexts(context);
        int from = source(c, source);
        int mpiTag = receiveTag(tag);
        Taken t = takeUnexpected(context, from, mpiTag);
        if (t != null) {
            return MpiRequest.fromTaken(this, c, t, sink);
        }
        return MpiRequest.receive(this, c, from, mpiTag, sink);
    }

    @Override
    public Status probe(int context, int source, int tag, boolean block) {
        Contexts c = contexts(context);
        int from = source(c, source);
        int mpiTag = receiveTag(tag);
        for (Taken t : unexpected) {
            if (t.matches(context, from, mpiTag, anySource, anyTag)) {
                return t.status(c);
            }
        }
        int[] status = new int[MpiNative.STATUS];
        long[] out = new long[1];
        while (true) {
            // Take without waiting first: a blocking take would stop at a message another
            // source sent later than what is already there.
            int found = MpiNative.take(c.main, from, false, status, out);
            if (found == 0 && block) {
                found = MpiNative.take(c.main, from, true, status, out);
            }
            if (found < 0) {
                check(-found, "MPI_Mprobe");
            }
            if (found == 0) {
                return null;
            }
            Taken t;
            try {
                t = Taken.of(context, status, out[0]);
            } finally {
                MpiNative.release(out[0]);
            }
            unexpected.add(t);
            if (t.matches(context, from, mpiTag, anySource, anyTag)) {
                return t.status(c);
            }
        }
    }

    /** Removes and returns the oldest message a probe took that a receive with these arguments matches. */
    private Taken takeUnexpected(int context, int from, int mpiTag) {
        if (unexpected.isEmpty()) {
            return null;
        }
        for (Iterator<Taken> it = unexpected.iterator(); it.hasNext(); ) {
            Taken t = it.next();
            if (t.matches(context, from, mpiTag, anySource, anyTag)) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    @Override
    public void await(DeviceRequest request) {
        ((MpiRequest) request).await();
    }

    @Override
    public int awaitAny(DeviceRequest[] requests) {
        int spins = 0;
        while (true) {
            for (int i = 0; i < requests.length; i++) {
                if (requests[i].isComplete()) {
                    return i;
                }
            }
            if (++spins % 64 == 0) {
                Thread.yield();
            }
        }
    }

    @Override
    public boolean cancel(DeviceRequest request) {
        return ((MpiRequest) request).cancel();
    }

    @Override
    public RuntimeException abort(int code) {
        System.err.println("rank " + rank + " failed: called abort(" + code + ")");
        Mpi.abort(code == 0 ? 1 : code);
        throw new JobAbortedException(rank, "rank " + rank + " called abort(" + code + ")");
    }

    @Override
    public double wtime() {
        return MpiNative.wtime();
    }

    // ---------------------------------------------------------------- background sends

    /** Keeps a send of a large object's bytes going after its request completed; frees its buffer when done. */
    void background(long request, long buffer) {
        background.add(new long[] {request, buffer});
    }

    /** Completes the background sends MPI has finished, waiting for all of them when {@code block}. */
    void progressBackground(boolean block) {
        if (background.isEmpty()) {
            return;
        }
        for (Iterator<long[]> it = background.iterator(); it.hasNext(); ) {
            long[] b = it.next();
            int rc = MpiNative.complete(b[0], block, 0, backgroundStatus);
            if (rc != 0) {
                it.remove();
                buffers.release(b[1]);
                if (rc < 0) {
                    check(-rc, "MPI_Isend");
                }
            }
        }
    }

    /** Ends this rank's use of MPI for the job: waits for the background sends and frees the staging buffer. */
    void close() {
        progressBackground(true);
        stage.free();
        buffers.close();
    }

    // ---------------------------------------------------------------- helpers

    Contexts contexts(int context) {
        if (context == lastContext && last != null) {
            return last;
        }
        Contexts c = contexts.get(context);
        if (c == null) {
            throw new RanksException(ErrorClass.INTERNAL, rank, "context " + context + " has no MPI communicator: the"
                    + " communicator was not announced to the mpi device", null);
        }
        last = c;
        lastContext = context;
        return c;
    }

    private int local(Contexts c, int worldRank) {
        int r = c.localRank(worldRank);
        if (r < 0) {
            throw new RanksException(ErrorClass.RANK, rank, "world rank " + worldRank + " is not a member of this"
                    + " communicator", null);
        }
        return r;
    }

    private int source(Contexts c, int worldSource) {
        return worldSource == Comm.ANY_SOURCE ? anySource : local(c, worldSource);
    }

    private int receiveTag(int tag) {
        if (tag == Comm.ANY_TAG) {
            return anyTag;
        }
        checkTag(tag);
        return tag;
    }

    private void checkTag(int tag) {
        if (tag > tagUpperBound) {
            throw new RanksException(ErrorClass.TAG, rank, "tag " + tag + " is above this MPI library's MPI_TAG_UB "
                    + tagUpperBound + ": expected a tag from 0 to " + tagUpperBound + " on the mpi device", null);
        }
    }

    /** @return the native buffers of this rank's non-blocking messages */
    NativeBuffers buffers() {
        return buffers;
    }

    int anySource() {
        return anySource;
    }

    int anyTag() {
        return anyTag;
    }

    /** @return whether this endpoint calls the shim through FFM ({@link DirectCalls}) */
    boolean direct() {
        return direct;
    }

    int rankForErrors() {
        return rank;
    }

    /**
     * The staging buffer for a blocking call: the owner's, or one for this call on another thread
     * (at MPI_THREAD_MULTIPLE; any other thread gets the usage error), which {@link #releaseStaging}
     * frees.
     */
    Staging stagingFor() {
        if (Thread.currentThread() == owner) {
            return stage;
        }
        onOwner();
        return new Staging(STAGING);
    }

    void releaseStaging(Staging buffer) {
        if (buffer != stage) {
            buffer.free();
        }
    }

    /** Other threads may call MPI only where the library gave MPI_THREAD_MULTIPLE. */
    void onOwner() {
        if (Thread.currentThread() != owner && !Mpi.threadMultiple()) {
            throw new RanksException(ErrorClass.USAGE, rank, "thread " + Thread.currentThread().getName()
                    + " called MPI, but the job runs at " + Mpi.threadLevel()
                    + ": communicate from the rank's own thread (" + owner.getName() + "), or run with "
                    + Mpi.THREADS_ENVIRONMENT + "=multiple (-D" + Mpi.THREADS_PROPERTY
                    + "=multiple) on a library that gives MPI_THREAD_MULTIPLE", null);
        }
    }

    private long dup(long comm) {
        long[] out = new long[1];
        check(MpiNative.commDup(comm, out), "MPI_Comm_dup");
        return out[0];
    }

    /** Throws for a failed MPI call. */
    void check(int rc, String call) {
        if (rc != 0) {
            throw new RanksException(ErrorClass.INTERNAL, rank, call + " failed in rank " + rank + ": "
                    + MpiNative.errorString(rc), null);
        }
    }

    /** Decodes an object message's bytes as the receiving {@code Comm} expects them. */
    static Payload objectPayload(int kind, byte[] bytes) {
        return kind == KIND_NULL ? Payload.value(null) : Payload.encoded(bytes);
    }

    /** The bytes an object payload sends: its encoding, or null for a null value. */
    byte[] encode(Payload payload) {
        if (payload.encoded()) {
            return (byte[]) payload.data();
        }
        return payload.data() == null ? null : ObjectCodec.encode(payload.data(), rank);
    }
}
