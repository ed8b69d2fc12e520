package dev.ranks.comm.spi;

import java.util.function.IntConsumer;

/**
 * A condition on shared memory that a rank blocks on through {@link SharedMemory#await}. Whoever
 * makes it true must then unpark the thread given to {@link #arm(Thread)}, if any.
 */
public interface SharedWait {
    /** @return whether the wait is over; safe to call from any thread */
    boolean done();

    /**
     * Records the thread to unpark once the wait is over; called before the last check of
     * {@link #done()} that precedes parking.
     *
     * @param waiter the blocked thread
     */
    void arm(Thread waiter);

    /** Forgets the thread given to {@link #arm(Thread)}. */
    void disarm();

    /** @return the pending call as a deadlock report prints it, such as {@code barrier(shm, waits for ranks 2, 3)} */
    String describe();

    /**
     * Feeds the world ranks whose action could end this wait.
     *
     * @param ranks receives each rank
     */
    void targets(IntConsumer ranks);
}
