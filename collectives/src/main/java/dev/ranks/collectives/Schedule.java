package dev.ranks.collectives;

import dev.ranks.comm.Comm;
import dev.ranks.comm.RankTrace;
import dev.ranks.comm.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a collective algorithm, written down before it runs (as libNBC and MPICH's transport
 * schedules do): sends and receives, fences that wait for everything posted before them, and
 * local steps (copies, reductions). The same schedule runs to completion for a blocking
 * collective, or a step at a time from {@link CollectiveRequest#test()} for a non-blocking one.
 *
 * <p>Steps run in order. A send reads its buffer after it is posted, not when it is written down:
 * an eager message is copied when posted, a larger one when the receiver matches it, at any time
 * until the next fence. So a buffer sent before a fence must not be changed before that fence. All
 * messages of one schedule carry its tag on the communicator's collective view, so collectives in
 * flight at the same time never match each other's messages, and none matches user messages.
 */
final class Schedule {
    private final Comm comm;
    private final int tag;
    private final List<Object> steps = new ArrayList<>();
    private final List<Request> posted = new ArrayList<>();
    private int next;
    /** The rank's trace and what this call records there; trace is null when the job is not traced. */
    private RankTrace trace;
    private String name;
    private String algorithm;
    private long bytes;
    private long start;
    /** The id of the non-blocking call's span once started, or -1 while none was started. */
    private long asyncId = -1;
    private boolean ended;

    /** A fence: wait for every request posted so far. */
    private static final Object FENCE = new Object();

    /**
     * @param comm the collective view of the communicator
     * @param tag this collective's tag, distinct from the tags of other collectives in flight
     */
    Schedule(Comm comm, int tag) {
        this.comm = comm;
        this.tag = tag;
    }

    /**
     * Records this call in the rank's trace: a span from now until it completes.
     *
     * @param trace the rank's trace
     * @param name the collective, such as {@code bcast}
     * @param algorithm the algorithm chosen
     * @param bytes the bytes each rank contributes, as the selector saw them
     */
    void trace(RankTrace trace, String name, String algorithm, long bytes) {
        this.trace = trace;
        this.name = name;
        this.algorithm = algorithm;
        this.bytes = bytes;
        this.start = trace.now();
    }

    /** @return the communicator's size */
    int size() {
        return comm.size();
    }

    /** @return the calling rank */
    int rank() {
        return comm.rank();
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} to {@code dest}. */
    Schedule send(Buf buf, int offset, int count, int dest) {
        steps.add((Post) () -> buf.isend(comm, offset, count, dest, tag));
        return this;
    }

    /** Receives {@code count} elements into {@code buf} at {@code offset} from {@code source}. */
    Schedule recv(Buf buf, int offset, int count, int source) {
        steps.add((Post) () -> buf.irecv(comm, offset, count, source, tag));
        return this;
    }

    /** Waits for every send and receive written down before this point. */
    Schedule fence() {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) != FENCE) {
            steps.add(FENCE);
        }
        return this;
    }

    /** A local step: runs once every request posted before it has completed. */
    Schedule local(Runnable step) {
        fence();
        steps.add(step);
        return this;
    }

    /** A local copy of {@code count} elements, after a fence. */
    Schedule copy(Buf from, int fromOffset, Buf to, int toOffset, int count) {
        return local(() -> from.copyTo(fromOffset, to, toOffset, count));
    }

    /**
     * A local reduction after a fence: {@code inout = in ∘ inout} when {@code inIsLeft}, else
     * {@code inout = inout ∘ in} (see {@link Op#apply}).
     */
    Schedule reduce(Op op, Buf in, int inOffset, Buf inout, int inoutOffset, int count, boolean inIsLeft) {
        return local(() -> op.apply(in, inOffset, inout, inoutOffset, count, inIsLeft));
    }

    /** Runs every remaining step, blocking at fences. */
    void run() {
        if (trace == null) {
            runSteps();
            return;
        }
        Throwable error = null;
        try {
            runSteps();
        } catch (RuntimeException | Error e) {
            error = e;
            throw e;
        } finally {
            traceEnd(error);
        }
    }

    private void runSteps() {
        while (next < steps.size()) {
            Object step = steps.get(next++);
            if (step == FENCE) {
                waitPosted();
            } else {
                perform(step);
            }
        }
        waitPosted();
    }

    // A blocking call is a span among the rank's others; a non-blocking one overlaps whatever the
    // rank does meanwhile, so it is an async span, drawn on a track of its own.
    private void traceEnd(Throwable error) {
        if (ended) {
            return;
        }
        ended = true;
        if (asyncId < 0) {
            trace.collective(name, algorithm, bytes, start, error);
        } else {
            trace.asyncEnded(name, asyncId);
        }
    }

    /**
     * Runs steps until a fence whose requests have not all completed.
     *
     * @return whether the whole schedule has completed
     */
    boolean progress() {
        if (trace == null) {
            return progressSteps();
        }
        if (asyncId < 0 && !ended) {
            asyncId = trace.asyncStarted(name, algorithm);
        }
        boolean done = progressSteps();
        if (done) {
            traceEnd(null);
        }
        return done;
    }

    private boolean progressSteps() {
        while (next < steps.size()) {
            Object step = steps.get(next);
            if (step == FENCE) {
                if (!testPosted()) {
                    return false;
                }
            } else {
                perform(step);
            }
            next++;
        }
        return testPosted();
    }

    private void perform(Object step) {
        if (step instanceof Post post) {
            posted.add(post.start());
        } else {
            ((Runnable) step).run();
        }
    }

    private void waitPosted() {
        for (Request r : posted) {
            r.waitFor();
        }
        posted.clear();
    }

    private boolean testPosted() {
        for (int i = posted.size() - 1; i >= 0; i--) {
            if (!posted.get(i).test()) {
                return false;
            }
        }
        for (Request r : posted) {
            r.waitFor();
        }
        posted.clear();
        return true;
    }

    @FunctionalInterface
    private interface Post {
        Request start();
    }
}
