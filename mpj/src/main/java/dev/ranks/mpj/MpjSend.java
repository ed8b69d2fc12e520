package dev.ranks.mpj;

import dev.ranks.comm.Status;

/**
 * A send that waits for its peer or for MPJ: a rendezvous send (its data goes at once as a
 * synchronous MPJ send; it completes once the receiver has acknowledged the match and MPJ has
 * moved the data), a synchronous inline one (it completes on the acknowledgement), or a large
 * eager one (it completes when MPJ has taken the data).
 */
final class MpjSend extends MpjRequest {
    final int dest;
    final int seq;
    /** Whether the receiver's {@link Frame#ACK} is still due. */
    private boolean awaitingAck;
    /** Whether the send waits for an acknowledgement at all; a large eager one does not. */
    private boolean rendezvous;

    MpjSend(MpjEndpoint endpoint, int dest, int seq) {
        super(endpoint);
        this.dest = dest;
        this.seq = seq;
    }

    /** Marks that the send completes only once the receiver has acknowledged it. */
    void expectAck() {
        awaitingAck = true;
        rendezvous = true;
    }

    /** Records the receiver's acknowledgement; the send completes unless its data is still moving. */
    void acknowledged() {
        awaitingAck = false;
        if (transfer == null || transferDone) {
            complete();
        }
    }

    /**
     * Blocking in MPJ on the data of a rendezvous send before the acknowledgement would wait for
     * the receiver without serving arrivals, and under multicore a peer's send to this rank
     * waits until this rank's frame receive is posted again: the two ranks could wait for each
     * other. After the acknowledgement the receive is posted and MPJ finishes alone. A large
     * eager send never learns that its receive is posted, so its wait polls instead.
     */
    @Override
    boolean waitsForTransfer() {
        return rendezvous && !awaitingAck && super.waitsForTransfer();
    }

    @Override
    boolean waitsForArrival() {
        return awaitingAck || super.waitsForArrival();
    }

    @Override
    void transferred(mpi.Status status) {
        if (!awaitingAck) {
            complete();
        }
    }

    @Override
    Status outcome() {
        return Status.empty();
    }
}
