package dev.ranks.mpj;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.Status;

/**
 * A send that waits for its peer: a rendezvous send (its data goes once the receiver answers
 * clear-to-send) or a synchronous one (it completes on the receiver's acknowledgement).
 */
final class MpjSend extends MpjRequest {
    final int dest;
    final int seq;
    final ElementType type;
    /** The array, or an object's encoding, sent once the receiver is ready; null for inline sends. */
    final Object data;
    final int offset;
    final int count;

    MpjSend(MpjEndpoint endpoint, int dest, int seq, ElementType type, Object data, int offset, int count) {
        super(endpoint);
        this.dest = dest;
        this.seq = seq;
        this.type = type;
        this.data = data;
        this.offset = offset;
        this.count = count;
    }

    @Override
    void transferred(mpi.Status status) {
        complete();
    }

    @Override
    Status outcome() {
        return Status.empty();
    }
}
