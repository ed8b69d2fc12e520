package dev.ranks.comm.internal.local;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.SharedMemory;
import dev.ranks.comm.spi.Sink;
import java.util.concurrent.locks.LockSupport;

/** One rank of a local job. */
final class LocalEndpoint implements Endpoint {
    /**
     * How long a rank spins before parking when spinning is allowed. A ping-pong round trip
     * takes about a microsecond here and a park-unpark pair tens of microseconds, so spinning for
     * a few round trips pays; longer burns a core.
     */
    private static final long SPIN_NANOS = 100_000;
    /**
     * After this long, a spinning rank yields between checks: if its peer was descheduled onto
     * this core (JIT threads, other processes), spinning on would only keep the peer from running,
     * and every message would cost the whole spin budget.
     */
    private static final long PURE_SPIN_NANOS = 5_000;
    /** Check the clock and the job's state once per this many spins. */
    private static final int SPIN_CHECK_MASK = 0x3F;

    private final LocalJob job;
    private final int rank;
    private final Mailbox box;
    private final long eagerLimit;
    /** The largest message sent through a fast box, in bytes; -1 when the job has none. */
    private final long fastLimit;
    private final boolean spin;
    /** This rank's fast boxes in other ranks' mailboxes, by receiver; filled in on first use. */
    private final FastBox[] out;
    /** The request of this rank's blocking array receives, reused; see {@link #receiveAndWait}. */
    private final RecvRequest blocking;
    /** The rank's thread, the one that may reuse {@link #blocking}; set before it starts. */
    private Thread thread;
    private final LocalSharedMemory shared;

    LocalEndpoint(LocalJob job, int rank, boolean spin) {
        this.job = job;
        this.rank = rank;
        this.box = job.mailbox(rank);
        this.eagerLimit = job.settings().eagerLimit();
        this.fastLimit = job.fastBoxes() ? Math.min(eagerLimit, FastBox.CAPACITY) : -1;
        this.spin = spin;
        this.blocking = new RecvRequest(box);
        this.out = new FastBox[job.fastBoxes() ? job.size() : 0];
        this.shared = new LocalSharedMemory(job, rank, spin);
    }

    /** Names the thread that runs this rank; called before that thread starts. */
    void runsOn(Thread rankThread) {
        this.thread = rankThread;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return job.size();
    }

    @Override
    public Settings settings() {
        return job.settings();
    }

    @Override
    public DeviceRequest send(int context, int dest, int tag, Payload payload, boolean synchronous) {
        job.checkRunning(rank);
        if (payload.type() != ElementType.OBJECT && sendFast(context, dest, tag, payload.type(), payload.data(),
                payload.offset(), payload.count(), synchronous)) {
            return SendRequest.completed();
        }
        return sendByMailbox(context, dest, tag, payload, synchronous);
    }

    @Override
    public void sendAndWait(int context, int dest, int tag, ElementType type, Object array, int offset, int count,
                            boolean synchronous) {
        job.checkRunning(rank);
        if (sendFast(context, dest, tag, type, array, offset, count, synchronous)) {
            return;
        }
        DeviceRequest request = sendByMailbox(context, dest, tag, Payload.array(type, array, offset, count), synchronous);
        if (!request.isComplete()) {
            await(request);
        }
    }

    /** @return whether the message went into the fast box to {@code dest}; false when it does not fit or the box is full */
    private boolean sendFast(int context, int dest, int tag, ElementType type, Object array, int offset, int count,
                             boolean synchronous) {
        // A synchronous send must learn of its match, which a fast box does not report.
        if (synchronous || (long) count * type.bytes() > fastLimit) {
            return false;
        }
        FastBox box = out[dest];
        if (box == null) {
            box = job.mailbox(dest).fastBoxes().box(rank);
            out[dest] = box;
        }
        return box.offer(context, tag, type, array, offset, count);
    }

    private DeviceRequest sendByMailbox(int context, int dest, int tag, Payload payload, boolean synchronous) {
        Mailbox target = job.mailbox(dest);
        boolean rendezvous = synchronous || payload.bytes() > eagerLimit;
        RecvRequest match;
        SendRequest pending = null;
        synchronized (target) {
            // This sender's fast-box messages still there come before this one.
            FastBox mine = out.length == 0 ? null : out[dest];
            if (mine != null) {
                target.absorbRing(mine);
            }
            match = target.takePosted(context, rank, tag);
            if (match == null) {
                if (rendezvous) {
                    pending = new SendRequest(context, dest, tag, payload.bytes(), synchronous);
                    target.arrive(new Envelope(context, rank, tag, payload, pending));
                } else {
                    target.arrive(new Envelope(context, rank, tag, payload.detached(), null));
                }
            }
        }
        if (match != null) {
            match.deliver(dest, rank, tag, payload, match);
            return SendRequest.completed();
        }
        return pending != null ? pending : SendRequest.completed();
    }

    @Override
    public DeviceRequest receive(int context, int source, int tag, Sink sink) {
        job.checkRunning(rank);
        return start(new RecvRequest(box, context, source, tag, sink));
    }

    @Override
    public Status receiveAndWait(int context, int source, int tag, ElementType type, Object array, int offset,
                                 int capacity) {
        job.checkRunning(rank);
        // Only the rank's own thread reuses the request, and only once its last receive is over: one
        // that an interrupt cut short is still posted.
        RecvRequest request = Thread.currentThread() == thread && blocking.done()
                ? blocking.reuse(context, source, tag, type, array, offset, capacity)
                : new RecvRequest(box, context, source, tag, Sink.array(type, array, offset, capacity));
        // Only a receive that a fast-box message can fill waits unposted: a larger message would then
        // arrive unexpected, copied twice instead of once into the posted buffer (4 KiB took 3.2 µs
        // instead of 1.1 µs one way, bin/bench-compare 2026-12-07).
        boolean spun = spin && (long) capacity * type.bytes() <= fastLimit && awaitArrival();
        start(request);
        if (!request.isComplete()) {
            waitFor(request, spun);
        }
        return request.status();
    }

    /** Matches a new receive against what has arrived, or posts it. */
    private RecvRequest start(RecvRequest request) {
        int context = request.context;
        int source = request.source();
        int tag = request.tag();
        Envelope envelope;
        synchronized (box) {
            envelope = box.takeUnexpected(context, source, tag);
            if (envelope == null) {
                FastBox fast = box.fullMatch(context, source, tag);
                if (fast != null) {
                    request.deliver(rank, fast);
                    fast.clear();
                    return request;
                }
                // A posted receive has the first claim on what waits in the fast boxes.
                if (!box.nothingPosted() && box.absorbAll()) {
                    envelope = box.takeUnexpected(context, source, tag);
                }
                if (envelope == null) {
                    box.post(request);
                    return request;
                }
            }
        }
        request.deliver(rank, envelope.source, envelope.tag, envelope.payload, envelope.sender);
        if (envelope.sender != null) {
            envelope.sender.matched();
        }
        return request;
    }

    @Override
    public Status probe(int context, int source, int tag, boolean block) {
        job.checkRunning(rank);
        while (true) {
            long seen;
            synchronized (box) {
                box.absorbAll();
                Envelope e = box.peekUnexpected(context, source, tag);
                if (e != null) {
                    return new Status(e.source, e.tag, e.payload.count(), e.payload.type(), false);
                }
                seen = box.arrivals();
            }
            if (!block) {
                return null;
            }
            waitFor(new ProbeWait(box, seen, context, source, tag));
        }
    }

    @Override
    public void await(DeviceRequest request) {
        waitFor(local(request));
    }

    @Override
    public int awaitAny(DeviceRequest[] requests) {
        LocalRequest[] locals = new LocalRequest[requests.length];
        for (int i = 0; i < requests.length; i++) {
            locals[i] = local(requests[i]);
        }
        AnyWait any = new AnyWait(locals);
        waitFor(any);
        return any.firstDone();
    }

    @Override
    public boolean cancel(DeviceRequest request) {
        if (!(local(request) instanceof RecvRequest receive)) {
            return false;
        }
        synchronized (box) {
            // A message already in a fast box would have matched the receive had it come by the mailbox.
            box.absorbAll();
            if (!box.unpost(receive)) {
                return false;
            }
        }
        receive.cancel();
        return true;
    }

    @Override
    public RuntimeException abort(int code) {
        throw job.abort(rank, code);
    }

    @Override
    public double wtime() {
        return job.wtime();
    }

    @Override
    public SharedMemory sharedMemory() {
        return shared;
    }

    /** Spins briefly if allowed, then parks until the wait is over or the job ends. */
    private void waitFor(Wait wait) {
        waitFor(wait, false);
    }

    /**
     * Spins briefly if allowed, then parks until the wait is over or the job ends.
     *
     * @param spun whether this rank already spun without yielding for this wait, so should yield at once
     */
    private void waitFor(Wait wait, boolean spun) {
        if (wait.done()) {
            return;
        }
        if (spin && spinUntil(wait, spun)) {
            return;
        }
        wait.arm(Thread.currentThread());
        // Armed before the last look at the fast boxes, so a sender that fills one after it wakes this rank.
        box.fastBoxes().sleeper(Thread.currentThread());
        boolean interrupted = false;
        try {
            job.block(rank, wait);
            try {
                while (!wait.done()) {
                    if (absorbFastBoxes()) {
                        // The deadlock check counted the full box as progress; see whether it was.
                        job.recheck();
                        continue;
                    }
                    job.checkRunning(rank);
                    // Parking again would return at once, forever: answer the interrupt instead.
                    // The flag stays set until this rank is unregistered, so the deadlock check
                    // never mistakes it for a rank that cannot move.
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted = true;
                        break;
                    }
                    LockSupport.park(this);
                    help(wait);
                }
            } finally {
                job.unblock(rank);
            }
        } finally {
            box.fastBoxes().sleeper(null);
            wait.disarm();
        }
        if (interrupted) {
            Thread.interrupted();
            throw new RanksException(ErrorClass.ABORTED, rank, "rank " + rank + " was interrupted while blocked in "
                    + wait.describe(), new InterruptedException());
        }
    }

    /**
     * Spins until the wait is over or the spin budget is spent, yielding after a while.
     *
     * @param spun whether this rank already spun without yielding for this wait, so should yield
     *     on every turn from the first: on a loaded machine each pause costs up to a microsecond
     *     more before the peer gets the core
     */
    private boolean spinUntil(Wait wait, boolean spun) {
        long start = 0;
        for (int i = 1; ; i++) {
            if (wait.done() || absorbFastBoxes() && wait.done()) {
                return true;
            }
            if ((i & SPIN_CHECK_MASK) == 0) {
                // Joining a shared copy a few microseconds late costs nothing; checking on every
                // spin would tax the latency path.
                help(wait);
                job.checkRunning(rank);
                long now = System.nanoTime();
                if (start == 0) {
                    start = now;
                } else if (now - start > SPIN_NANOS) {
                    return false;
                } else if (!spun && now - start > PURE_SPIN_NANOS) {
                    Thread.yield();
                }
            }
            if (spun) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Spins, before a blocking receive is matched or posted, until a message comes to this rank or
     * {@link #PURE_SPIN_NANOS} pass. Matching then finds the message at once, so the receive skips
     * posting itself and being completed from the queue; what it finds is the same either way, since
     * nothing else is posted ({@link Mailbox#idle}). Kept this small so that it inlines whole into
     * the receive, fast-box reads included.
     *
     * @return whether the pure spin is spent, so waiting should go on to yielding at once
     */
    private boolean awaitArrival() {
        long seen = box.arrivals();
        if (!box.idle()) {
            return false;
        }
        // Read now, while the message is still on its way: on a shared core the budget is what each
        // message costs, and a first reading after a batch of pauses would stretch it.
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            if (box.anyFull() || box.arrivals() != seen) {
                return false;
            }
            if ((i & SPIN_CHECK_MASK) == 0) {
                job.checkRunning(rank);
                if (System.nanoTime() - start > PURE_SPIN_NANOS) {
                    return true;
                }
            }
            Thread.onSpinWait();
        }
    }

    /** @return whether a fast-box message arrived, and possibly completed what this rank waits for */
    private boolean absorbFastBoxes() {
        if (!box.anyFull()) {
            return false;
        }
        synchronized (box) {
            return box.absorbAll();
        }
    }

    private static void help(Wait wait) {
        SharedCopy copy = wait.sharedCopy();
        if (copy != null) {
            copy.help();
        }
    }

    private LocalRequest local(DeviceRequest request) {
        if (request instanceof LocalRequest local) {
            return local;
        }
        throw new RanksException(ErrorClass.REQUEST, rank, "request " + request
                + " does not belong to the local device: expected a request started on this job", null);
    }
}
