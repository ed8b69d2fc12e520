package dev.ranks.comm;

import java.io.IOException;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One rank's part of a {@link JobTrace}: the spans (send, recv, wait, probe, collectives, user
 * regions) and message-flow points this rank recorded, in a buffer only this rank's thread
 * writes, so recording takes no lock. The buffer holds at most {@link #CAPACITY} events; later
 * events are counted as dropped, and the trace says how many.
 *
 * <p>Communicators record into it when the job runs with {@link Settings#withTrace(JobTrace)};
 * programs mark their own regions with {@link Comm#trace(String)}. The public methods are for
 * the {@code collectives} module, which records each collective call with its algorithm.
 */
public final class RankTrace {
    /** The most events one rank keeps: about 12 MiB of buffer. */
    public static final int CAPACITY = 1 << 18;
    private static final int INITIAL = 1024;

    /** One reading of the wall clock, carried on by the monotonic clock: comparable across JVMs on one host. */
    private static final long WALL_BASE;
    private static final long NANO_BASE;

    // The reading taken between the two closest monotonic ones of a few tries: a thread preempted
    // between the two clocks would otherwise shift this JVM's events against other JVMs' by as long.
    static {
        long closest = Long.MAX_VALUE;
        long nano = 0;
        long wall = 0;
        for (int i = 0; i < 16; i++) {
            long before = System.nanoTime();
            Instant now = Instant.now();
            long after = System.nanoTime();
            if (after - before < closest) {
                closest = after - before;
                nano = before + (after - before) / 2;
                wall = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }
        }
        NANO_BASE = nano;
        WALL_BASE = wall;
    }

    /** What an event is, as Chrome's trace-event format spells its phase. */
    enum Phase {
        /** A complete span: start and duration. */
        SPAN('X'),
        /** The start of a message arrow, on the sender's send. */
        FLOW_START('s'),
        /** The end of a message arrow, on the receiver's completing span. */
        FLOW_END('f'),
        /** The start of a non-blocking collective, which overlaps other spans. */
        ASYNC_BEGIN('b'),
        /** The end of a non-blocking collective. */
        ASYNC_END('e');

        final char code;

        Phase(char code) {
            this.code = code;
        }
    }

    /**
     * One recorded event, as it is written.
     *
     * @param phase what it is
     * @param name the operation, collective or region
     * @param category p2p, collective or user
     * @param start nanoseconds since the job's epoch
     * @param duration nanoseconds, for spans
     * @param peerKey the name of the peer argument ({@code dest}, {@code source}, {@code root}), or null
     * @param peer the peer rank
     * @param tag the tag, or -1
     * @param value the bytes of a span (-1 unknown), or the id of a flow or async event
     * @param algorithm the algorithm of a collective, or null
     * @param error the exception that ended a span, or null
     */
    record Event(Phase phase, String name, String category, long start, long duration, String peerKey, int peer,
                 int tag, long value, String algorithm, String error) {
    }

    /** What a span belongs to, as {@link Event#category()} names it. */
    static final byte P2P = 0;
    static final byte COLLECTIVE = 1;
    static final byte USER = 2;
    private static final String[] CATEGORIES = {"p2p", "collective", "user"};
    /** Which argument a span's peer rank is, as {@link Event#peerKey()} names it. */
    static final byte NO_PEER = 0;
    static final byte DEST = 1;
    static final byte SOURCE = 2;
    private static final String[] PEER_KEYS = {null, "dest", "source"};
    private static final Phase[] PHASES = Phase.values();
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(RankTrace.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int rank;
    private final long epoch;
    // The events, a field per array: no object per event, so a long trace costs the garbage
    // collector nothing to keep. Slots below count are written; count is published with release
    // semantics, so that a trace written while the rank still runs reads whole events.
    private byte[] phases = new byte[INITIAL];
    private byte[] categories = new byte[INITIAL];
    private byte[] peerKeys = new byte[INITIAL];
    private String[] names = new String[INITIAL];
    private long[] starts = new long[INITIAL];
    private long[] durations = new long[INITIAL];
    private int[] peers = new int[INITIAL];
    private int[] tags = new int[INITIAL];
    private long[] values = new long[INITIAL];
    private String[] algorithms = new String[INITIAL];
    private String[] errors = new String[INITIAL];
    private int count;
    private long dropped;
    /** The index of the last span, while nothing but flow points came after it; else -1. */
    private int lastSpan = -1;
    /** Messages sent and received so far per (peer, context, tag): the arrows' sequence numbers. */
    private final Map<Long, long[]> sent = new HashMap<>();
    private final Map<Long, long[]> received = new HashMap<>();
    private long asyncIds;
    /**
     * The call this rank is blocked in, as a span that starts at the call and has no end yet; null
     * when it is not blocked. Volatile, and cleared only after the call's span is recorded, so that a
     * trace written while the rank is blocked for good (a deadlock) shows the call.
     */
    private volatile Event blocked;

    RankTrace(int rank, long epoch) {
        this.rank = rank;
        this.epoch = epoch;
    }

    /** @return the wall clock in nanoseconds since 1970, read through the monotonic clock */
    static long wallNanos() {
        return WALL_BASE + (System.nanoTime() - NANO_BASE);
    }

    /**
     * The process and thread id of a rank's track: rank + 1, because Perfetto takes id 0 for the
     * kernel's idle task; the track's name says the rank.
     */
    static int track(int rank) {
        return rank + 1;
    }

    /** @return the rank this part belongs to */
    public int rank() {
        return rank;
    }

    /** @return nanoseconds since the job's epoch, the time base of every event */
    public long now() {
        return wallNanos() - epoch;
    }

    /** @return the events this rank could not keep because its buffer was full */
    public long dropped() {
        return dropped;
    }

    /**
     * Records a blocking collective call that started at {@code start} and ends now.
     *
     * @param name the collective, such as {@code bcast}
     * @param algorithm the algorithm the selector chose, such as {@code binomial}
     * @param bytes the bytes each rank contributes, as the selector saw them
     * @param start when the call started, from {@link #now()}
     * @param error the exception that ended the call, or null
     */
    public void collective(String name, String algorithm, long bytes, long start, Throwable error) {
        span(name, COLLECTIVE, start, NO_PEER, -1, -1, bytes, algorithm, error);
    }

    /**
     * Records the start of a non-blocking collective, which runs while the rank does other work
     * and so is drawn apart from the rank's nested spans.
     *
     * @param name the collective, such as {@code allreduce}
     * @param algorithm the algorithm the selector chose
     * @return the id that {@link #asyncEnded(String, long)} takes
     */
    public long asyncStarted(String name, String algorithm) {
        long id = ((long) rank << 32) | asyncIds++;
        add(Phase.ASYNC_BEGIN, name, COLLECTIVE, now(), 0, NO_PEER, -1, -1, id, algorithm, null);
        return id;
    }

    /**
     * Records the end of a non-blocking collective.
     *
     * @param name the collective, as given to {@link #asyncStarted(String, String)}
     * @param id what {@link #asyncStarted(String, String)} returned
     */
    public void asyncEnded(String name, long id) {
        add(Phase.ASYNC_END, name, COLLECTIVE, now(), 0, NO_PEER, -1, -1, id, null, null);
    }

    // ---------------------------------------------------------------- for Comm and TracingEndpoint

    /** Records a span ending now and returns its index, or -1 when the buffer is full. */
    int span(String name, byte category, long start, byte peerKey, int peer, int tag, long bytes, String algorithm,
             Throwable error) {
        long end = now();
        return add(Phase.SPAN, name, category, start, end - start, peerKey, peer, tag, bytes, algorithm,
                error == null ? null : error.toString());
    }

    /** @return whether the span at {@code index} is the last one, with nothing but flow points after it */
    boolean isLastSpan(int index) {
        return index >= 0 && index == lastSpan;
    }

    /**
     * Lengthens the last span to end now: a blocking call is one span, although it reaches the
     * device as a post and then a wait.
     */
    void extendLastSpan(Throwable error) {
        if (error != null) {
            errors[lastSpan] = error.toString();
        }
        durations[lastSpan] = now() - starts[lastSpan];
    }

    /**
     * Notes that this rank blocks now in the call whose span is at {@code index}, or in a new
     * span {@code name} when {@code index} is -1.
     */
    void blocking(int index, String name, long start) {
        blocked = index >= 0 ? event(index) : new Event(Phase.SPAN, name, CATEGORIES[P2P], start, 0, null, -1, -1, -1,
                null, null);
    }

    /** Notes that this rank's blocking call returned, after its span was recorded. */
    void unblocked() {
        blocked = null;
    }

    /**
     * Records the start of an arrow from this rank's send to {@code dest}, in the send's span. The
     * receiver derives the same id: messages of one (source, destination, context, tag) are
     * received in the order they were sent (MPI's non-overtaking rule).
     */
    void flowOut(int spanIndex, int dest, int context, int tag) {
        if (spanIndex < 0) {
            return;
        }
        long seq = sent.computeIfAbsent(key(dest, context, tag), k -> new long[1])[0]++;
        flow(Phase.FLOW_START, spanIndex, flowId(rank, dest, context, tag, seq));
    }

    /** Records the end of the arrow of a message from {@code source}, in the span that completed its receive. */
    void flowIn(int spanIndex, int source, int context, int tag) {
        if (spanIndex < 0) {
            return;
        }
        long seq = received.computeIfAbsent(key(source, context, tag), k -> new long[1])[0]++;
        flow(Phase.FLOW_END, spanIndex, flowId(source, rank, context, tag, seq));
    }

    // An arrow leaves near its send's start and arrives near the end of the span that saw the
    // receive complete, so it never points back in time; a nanosecond inside, so that it binds to
    // that span and not to one that ends or begins at the same instant.
    private void flow(Phase phase, int spanIndex, long id) {
        long start = starts[spanIndex];
        long duration = durations[spanIndex];
        long inside = Math.min(1, duration / 2);
        long ts = phase == Phase.FLOW_START ? start + inside : start + duration - inside;
        add(phase, "message", P2P, ts, 0, NO_PEER, -1, -1, id, null, null);
    }

    private static long key(int peer, int context, int tag) {
        return ((long) peer << 48) ^ ((long) context << 32) ^ (tag & 0xffff_ffffL);
    }

    /** A 53-bit id, exact in JavaScript's doubles, which chrome://tracing reads ids as. */
    private static long flowId(int source, int dest, int context, int tag, long seq) {
        long h = source;
        h = h * 0x9E3779B97F4A7C15L + dest;
        h = h * 0x9E3779B97F4A7C15L + context;
        h = h * 0x9E3779B97F4A7C15L + tag;
        h = h * 0x9E3779B97F4A7C15L + seq;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h & ((1L << 53) - 1);
    }

    private int add(Phase phase, String name, byte category, long start, long duration, byte peerKey, int peer,
                    int tag, long value, String algorithm, String error) {
        int i = count;
        if (i == CAPACITY) {
            dropped++;
            // Nothing more is recorded, so the arrows' counters can go; their memory grows with every collective.
            sent.clear();
            received.clear();
            return -1;
        }
        if (i == starts.length) {
            grow(Math.min(CAPACITY, i * 2));
        }
        phases[i] = (byte) phase.ordinal();
        names[i] = name;
        categories[i] = category;
        starts[i] = start;
        durations[i] = duration;
        peerKeys[i] = peerKey;
        peers[i] = peer;
        tags[i] = tag;
        values[i] = value;
        algorithms[i] = algorithm;
        errors[i] = error;
        if (phase == Phase.SPAN) {
            lastSpan = i;
        } else if (phase != Phase.FLOW_START && phase != Phase.FLOW_END) {
            lastSpan = -1;
        }
        COUNT.setRelease(this, i + 1);
        return i;
    }

    private void grow(int length) {
        phases = Arrays.copyOf(phases, length);
        names = Arrays.copyOf(names, length);
        categories = Arrays.copyOf(categories, length);
        starts = Arrays.copyOf(starts, length);
        durations = Arrays.copyOf(durations, length);
        peerKeys = Arrays.copyOf(peerKeys, length);
        peers = Arrays.copyOf(peers, length);
        tags = Arrays.copyOf(tags, length);
        values = Arrays.copyOf(values, length);
        algorithms = Arrays.copyOf(algorithms, length);
        errors = Arrays.copyOf(errors, length);
    }

    /** @return the event at {@code index}, below the published count */
    private Event event(int index) {
        return new Event(PHASES[phases[index]], names[index], CATEGORIES[categories[index]], starts[index],
                durations[index], PEER_KEYS[peerKeys[index]], peers[index], tags[index], values[index],
                algorithms[index], errors[index]);
    }

    /**
     * Writes this rank's events as Chrome trace events, each preceded by a comma except the very
     * first of the file. Safe to call while the rank still records: it writes the events recorded
     * so far.
     *
     * @param out where to write
     * @param first whether nothing was written before this rank's events
     * @throws IOException when writing fails
     */
    void write(Writer out, boolean first) throws IOException {
        Event stuck = blocked;
        int n = (int) COUNT.getAcquire(this);
        int track = track(rank);
        String label = "rank " + rank + (dropped > 0 ? " (" + dropped + " events dropped: buffer full)" : "");
        out.write(first ? "" : ",\n");
        out.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":" + rank + ",\"tid\":" + rank
                + ",\"args\":{\"name\":" + TraceJson.string(label) + "}},\n");
        out.write("{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":" + rank + ",\"tid\":" + rank
                + ",\"args\":{\"sort_index\":" + track + "}},\n");
        out.write("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":" + rank + ",\"tid\":" + rank
                + ",\"args\":{\"name\":" + TraceJson.string(label) + "}}");
        for (int i = 0; i < n; i++) {
            out.write(",\n");
            TraceJson.event(out, rank, event(i));
        }
        if (stuck != null) {
            out.write(",\n");
            TraceJson.event(out, rank, new Event(stuck.phase(), stuck.name(), stuck.category(), stuck.start(),
                    now() - stuck.start(), stuck.peerKey(), stuck.peer(), stuck.tag(), stuck.value(), null,
                    "unfinished: still blocked when the trace was written"));
        }
    }
}
