package dev.ranks.comm.spi;

import dev.ranks.comm.Comm;

/** Builds the world communicator of one rank over a device's endpoint; supplied by {@code Comm}'s side. */
@FunctionalInterface
public interface CommBinder {
    /**
     * @param endpoint one rank's attachment to the device
     * @return that rank's world communicator
     */
    Comm bind(Endpoint endpoint);
}
