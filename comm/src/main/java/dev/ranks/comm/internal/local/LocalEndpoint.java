package dev.ranks.comm.internal.local;

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
    private final boolean spin;
    private final LocalSharedMemory shared;

    LocalEndpoint(LocalJob job, int rank, boolean spin) {
        this.job = job;
        this.rank = rank;
        this.box = job.mailbox(rank);
        this.eagerLimit = job.settings().eagerLimit();
        this.spin = spin;
        this.shared = new LocalSharedMemory(job, rank, spin);
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
        Mailbox target = job.mailbox(dest);
        boolean rendezvous = synchronous || payload.bytes() > eagerLimit;
        RecvRequest match;
        SendRequest pending = null;
        synchronized (target) {
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
        RecvRequest request = new RecvRequest(context, source, tag, sink);
        Envelope envelope;
        synchronized (box) {
            envelope = box.takeUnexpected(context, source, tag);
            if (envelope == null) {
                box.post(request);
                return request;
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
        if (wait.done()) {
            return;
        }
        if (spin && spinUntil(wait)) {
            return;
        }
        wait.arm(Thread.currentThread());
        boolean interrupted = false;
        try {
            job.block(rank, wait);
            try {
                while (!wait.done()) {
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
            wait.disarm();
        }
        if (interrupted) {
            Thread.interrupted();
            throw new RanksException(ErrorClass.ABORTED, rank, "rank " + rank + " was interrupted while blocked in "
                    + wait.describe(), new InterruptedException());
        }
    }

    private boolean spinUntil(Wait wait) {
        long start = 0;
        for (int i = 1; ; i++) {
            if (wait.done()) {
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
                } else if (now - start > PURE_SPIN_NANOS) {
                    Thread.yield();
                }
            }
            Thread.onSpinWait();
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
