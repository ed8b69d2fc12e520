package dev.ranks.comm.spi;

import dev.ranks.comm.Status;

/** A send or receive a device has started. */
public interface DeviceRequest {
    /** @return whether it has completed (matched and copied, cancelled, or failed) */
    boolean isComplete();

    /**
     * The outcome of a completed request.
     *
     * @return the status of the message received (for a send, the destination and tag)
     * @throws dev.ranks.comm.RanksException the receive's error, such as truncation or type mismatch
     */
    Status status();

    /** @return for a completed object receive, the payload that matched; otherwise null */
    Payload received();
}
