package dev.ranks.comm;

/**
 * A region of a rank's timeline that a program marks, from {@link Comm#trace(String)} until
 * {@link #close()}; made for try-with-resources. Regions nest. When the job is not traced, the
 * region is a shared object that records nothing.
 */
public final class TraceSpan implements AutoCloseable {
    static final TraceSpan OFF = new TraceSpan(null, null);

    private final RankTrace trace;
    private final String name;
    private final long start;
    private boolean closed;

    TraceSpan(RankTrace trace, String name) {
        this.trace = trace;
        this.name = name;
        this.start = trace == null ? 0 : trace.now();
    }

    /** Ends the region; closing it again does nothing. */
    @Override
    public void close() {
        if (trace != null && !closed) {
            closed = true;
            trace.span(name, RankTrace.USER, start, RankTrace.NO_PEER, -1, -1, -1, null, null);
        }
    }
}
