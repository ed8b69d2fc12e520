package dev.ranks.comm;

import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.Sink;

/**
 * An endpoint that records each call into its rank's {@link RankTrace} and passes it on. Only a
 * traced job's communicators use one, so an untraced job pays nothing for tracing.
 *
 * <p>A post and the wait that immediately follows it for the same request are one span (a
 * blocking {@code send} or {@code recv} reaches the device as the two); a wait after anything else
 * is a {@code wait} span. The arrow of a received message ends in whichever span saw its receive
 * complete.
 */
final class TracingEndpoint implements Endpoint {
    private final Endpoint device;
    private final RankTrace trace;

    TracingEndpoint(Endpoint device, RankTrace trace) {
        this.device = device;
        this.trace = trace;
    }

    RankTrace trace() {
        return trace;
    }

    /** A device request with what the trace needs to know about it. */
    private final class Traced implements DeviceRequest {
        final DeviceRequest device;
        final int context;
        /** The span of its post, or -1. */
        final int span;
        /** Whether its receive's arrow has ended (or it was cancelled, or is a send). */
        boolean arrived;

        Traced(DeviceRequest device, boolean receive, int context, int span) {
            this.device = device;
            this.context = context;
            this.span = span;
            this.arrived = !receive;
        }

        // A receive may be seen complete here first (MPI_Test, or a blocking call whose message came
        // just after the post): its arrow then ends in its post's span or in a span for this test.
        @Override
        public boolean isComplete() {
            if (arrived) {
                return device.isComplete();
            }
            long start = trace.now();
            boolean complete = device.isComplete();
            if (complete) {
                arrived(this, trace.isLastSpan(span) ? extended(span)
                        : trace.span("test", RankTrace.P2P, start, RankTrace.NO_PEER, -1, -1, -1, null, null));
            }
            return complete;
        }

        @Override
        public Status status() {
            return device.status();
        }

        @Override
        public Payload received() {
            return device.received();
        }
    }

    @Override
    public int rank() {
        return device.rank();
    }

    @Override
    public int size() {
        return device.size();
    }

    @Override
    public Settings settings() {
        return device.settings();
    }

    @Override
    public DeviceRequest send(int context, int dest, int tag, Payload payload, boolean synchronous) {
        String name = synchronous ? "ssend" : "send";
        long start = trace.now();
        DeviceRequest request;
        try {
            request = device.send(context, dest, tag, payload, synchronous);
        } catch (RuntimeException | Error e) {
            trace.span(name, RankTrace.P2P, start, RankTrace.DEST, dest, tag, payload.bytes(), null, e);
            throw e;
        }
        int span = trace.span(name, RankTrace.P2P, start, RankTrace.DEST, dest, tag, payload.bytes(), null, null);
        trace.flowOut(span, dest, context, tag);
        return new Traced(request, false, context, span);
    }

    @Override
    public DeviceRequest receive(int context, int source, int tag, Sink sink) {
        long start = trace.now();
        DeviceRequest request;
        try {
            request = device.receive(context, source, tag, sink);
        } catch (RuntimeException | Error e) {
            trace.span("recv", RankTrace.P2P, start, RankTrace.SOURCE, source, tag, -1, null, e);
            throw e;
        }
        // Seen complete before the span ends: an arrow that ends in this span then never points back
        // in time, even when this thread is preempted between the post and the check.
        boolean complete = request.isComplete();
        Traced traced = new Traced(request, true, context,
                trace.span("recv", RankTrace.P2P, start, RankTrace.SOURCE, source, tag, -1, null, null));
        if (complete) {
            arrived(traced, traced.span);
        }
        return traced;
    }

    @Override
    public Status probe(int context, int source, int tag, boolean block) {
        long start = trace.now();
        String name = block ? "probe" : "iprobe";
        if (block) {
            trace.blocking(-1, name, start);
        }
        Throwable error = null;
        try {
            return device.probe(context, source, tag, block);
        } catch (RuntimeException | Error e) {
            error = e;
            throw e;
        } finally {
            trace.span(name, RankTrace.P2P, start, RankTrace.SOURCE, source, tag, -1, null, error);
            trace.unblocked();
        }
    }

    @Override
    public void await(DeviceRequest request) {
        Traced traced = (Traced) request;
        long start = trace.now();
        trace.blocking(trace.isLastSpan(traced.span) ? traced.span : -1, "wait", start);
        Throwable error = null;
        try {
            device.await(traced.device);
        } catch (RuntimeException | Error e) {
            error = e;
            throw e;
        } finally {
            arrived(traced, waited(traced, start, error));
            trace.unblocked();
        }
    }

    @Override
    public int awaitAny(DeviceRequest[] requests) {
        DeviceRequest[] devices = new DeviceRequest[requests.length];
        for (int i = 0; i < requests.length; i++) {
            devices[i] = ((Traced) requests[i]).device;
        }
        long start = trace.now();
        trace.blocking(-1, "waitany", start);
        Throwable error = null;
        int index = -1;
        try {
            index = device.awaitAny(devices);
            return index;
        } catch (RuntimeException | Error e) {
            error = e;
            throw e;
        } finally {
            int span = trace.span("waitany", RankTrace.P2P, start, RankTrace.NO_PEER, -1, -1, -1, null, error);
            if (index >= 0) {
                arrived((Traced) requests[index], span);
            }
            trace.unblocked();
        }
    }

    @Override
    public boolean cancel(DeviceRequest request) {
        Traced traced = (Traced) request;
        boolean cancelled = device.cancel(traced.device);
        if (cancelled) {
            traced.arrived = true;
        }
        return cancelled;
    }

    @Override
    public RuntimeException abort(int code) {
        trace.span("abort", RankTrace.P2P, trace.now(), RankTrace.NO_PEER, -1, -1, -1, null, null);
        return device.abort(code);
    }

    @Override
    public double wtime() {
        return device.wtime();
    }

    // Collectives that run through shared memory record their own spans (one per call).
    @Override
    public dev.ranks.comm.spi.SharedMemory sharedMemory() {
        return device.sharedMemory();
    }

    @Override
    public void communicatorCreated(int context, int[] members) {
        device.communicatorCreated(context, members);
    }

    // Collectives the device runs itself record their own spans (one per call), as shared-memory ones do.
    @Override
    public dev.ranks.comm.spi.NativeCollectives nativeCollectives() {
        return device.nativeCollectives();
    }

    /** Records the wait: the request's own span made longer when nothing came between, else a wait span. */
    private int waited(Traced traced, long start, Throwable error) {
        if (trace.isLastSpan(traced.span)) {
            trace.extendLastSpan(error);
            return traced.span;
        }
        return trace.span("wait", RankTrace.P2P, start, RankTrace.NO_PEER, -1, -1, -1, null, error);
    }

    private int extended(int span) {
        trace.extendLastSpan(null);
        return span;
    }

    /** Ends the arrow of a receive that has completed, once, in the span that saw it complete. */
    private void arrived(Traced traced, int span) {
        if (traced.arrived || !traced.device.isComplete()) {
            return;
        }
        traced.arrived = true;
        Status status;
        try {
            status = traced.device.status();
        } catch (RanksException e) {
            return;
        }
        if (!status.cancelled()) {
            trace.flowIn(span, status.source(), traced.context, status.tag());
        }
    }
}
