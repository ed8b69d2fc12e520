package dev.ranks.mpj;

import dev.ranks.comm.RanksException;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Payload;

/**
 * A request of the mpj device. It completes either in the progress engine (a match, an
 * acknowledgement) or when the MPJ request carrying its data completes; {@link #isComplete()}
 * drives the engine (from its second call on), so that polling with {@code test()} makes progress
 * as MPI_Test does.
 * Fields are guarded by the endpoint's progress lock, except {@link #done}, which is read without it.
 */
abstract class MpjRequest implements DeviceRequest {
    final MpjEndpoint endpoint;
    /** The MPJ request moving this request's data, once started; null before and for inline messages. */
    mpi.Request transfer;
    /** Whether {@link #transfer} has completed (and {@link #transferred} was called). */
    boolean transferDone;
    private volatile boolean done;
    private boolean asked;
    private RanksException error;

    MpjRequest(MpjEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Marks the request complete; called with the progress lock held. */
    final void complete() {
        done = true;
    }

    /** Completes the request with an error that {@link #status()} throws. */
    final void fail(RanksException failure) {
        error = failure;
        done = true;
    }

    /** @return whether the request has completed, without driving progress */
    final boolean done() {
        return done;
    }

    /**
     * @return whether a wait for this request may block inside MPJ on {@link #transfer} rather
     *     than serve arrivals: only once nothing but that transfer is missing
     */
    boolean waitsForTransfer() {
        return transfer != null && !transferDone;
    }

    /**
     * @return whether only an arrival can complete this request, so that a wait for it may block
     *     on the frame receive: true unless its {@link #transfer} is still moving
     */
    boolean waitsForArrival() {
        return transfer == null || transferDone;
    }

    /** Called by the engine when {@link #transfer} has completed. */
    abstract void transferred(mpi.Status status);

    /** @return the status of a request that completed without error */
    abstract Status outcome();

    @Override
    public final boolean isComplete() {
        if (done) {
            return true;
        }
        // The first question is answered without asking MPJ: Comm asks it before every blocking
        // wait, where an MPJ Test would only add its cost (2-3 us on niodev) to each message; a
        // caller polling with test() asks again, and from then on each call drives the engine.
        if (!asked) {
            asked = true;
            return false;
        }
        return endpoint.poll(this);
    }

    @Override
    public final Status status() {
        if (error != null) {
            error.fillInStackTrace();
            throw error;
        }
        return outcome();
    }

    @Override
    public Payload received() {
        return null;
    }
}
