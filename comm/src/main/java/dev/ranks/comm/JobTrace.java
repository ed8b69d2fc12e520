package dev.ranks.comm;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A job's timeline: one {@link RankTrace} per rank, written as Chrome trace-event JSON that
 * Perfetto ({@code ui.perfetto.dev}) and {@code chrome://tracing} open. Each rank is a track with
 * a span for each send, recv, wait, probe and collective (with its algorithm) and for each region
 * a program marks with {@link Comm#trace(String)}; message arrows (flow events) lead from each
 * send to the span that completed its receive.
 *
 * <p>A job records one when its settings carry it ({@link Settings#withTrace(JobTrace)}); without
 * one, communicators record nothing and run exactly as they do untraced. Times count from the
 * trace's epoch, a wall-clock instant, so that parts recorded in different JVMs on one host and
 * the same epoch line up when merged ({@link #merge(Collection, Writer)}).
 */
public final class JobTrace {
    /**
     * The system property that gives rank JVMs their launcher's epoch, in nanoseconds since
     * 1970, so that their parts share one time base.
     */
    public static final String EPOCH_PROPERTY = "ranks.trace.epoch";

    private final long epoch;
    private final Map<Integer, RankTrace> ranks = new ConcurrentSkipListMap<>();

    /** A trace whose epoch is now. */
    public JobTrace() {
        this(RankTrace.wallNanos());
    }

    /**
     * A trace with a given epoch, for a part of a job whose other parts are recorded elsewhere.
     *
     * @param epochNanos the time events count from, in wall-clock nanoseconds since 1970
     */
    public JobTrace(long epochNanos) {
        this.epoch = epochNanos;
    }

    /**
     * A trace for the ranks of one JVM of a job that spans several: its epoch is the one the
     * launcher passed in {@link #EPOCH_PROPERTY}, or now when there is none.
     *
     * @return the trace
     */
    public static JobTrace withLauncherEpoch() {
        Long epoch = Long.getLong(EPOCH_PROPERTY);
        return epoch == null ? new JobTrace() : new JobTrace(epoch);
    }

    /** @return the epoch, in wall-clock nanoseconds since 1970 */
    public long epoch() {
        return epoch;
    }

    /**
     * The part of one rank, created on first use; only that rank's thread records into it.
     *
     * @param rank the rank in the job's world
     * @return its part
     */
    public RankTrace rank(int rank) {
        return ranks.computeIfAbsent(rank, r -> new RankTrace(r, epoch));
    }

    /** @return the events no rank could keep because its buffer was full */
    public long dropped() {
        return ranks.values().stream().mapToLong(RankTrace::dropped).sum();
    }

    /**
     * The events of the ranks recorded here, for {@link #merge(Collection, Writer)} with the
     * parts recorded in other JVMs.
     *
     * @return the events as comma-separated JSON objects; empty when no rank recorded anything
     */
    public String part() {
        StringWriter out = new StringWriter();
        try {
            writeEvents(out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter failed", e);
        }
        return out.toString();
    }

    /**
     * Writes the whole trace file. Safe while ranks still run (a job that failed or timed out):
     * it holds what they had recorded.
     *
     * @param out where the JSON goes
     * @throws IOException when writing fails
     */
    public void write(Writer out) throws IOException {
        merge(List.of(part()), out);
    }

    /**
     * Writes one trace file from parts recorded in several JVMs.
     *
     * @param parts what {@link #part()} returned in each, in any order
     * @param out where the JSON goes
     * @throws IOException when writing fails
     */
    public static void merge(Collection<String> parts, Writer out) throws IOException {
        out.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
        boolean first = true;
        for (String part : parts) {
            if (!part.isEmpty()) {
                out.write(first ? "" : ",\n");
                out.write(part);
                first = false;
            }
        }
        out.write("\n]}\n");
        out.flush();
    }

    private void writeEvents(Writer out) throws IOException {
        boolean first = true;
        for (RankTrace rank : ranks.values()) {
            rank.write(out, first);
            first = false;
        }
    }
}
