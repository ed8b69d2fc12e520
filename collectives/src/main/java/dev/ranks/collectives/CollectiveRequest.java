package dev.ranks.collectives;

import dev.ranks.comm.Request;
import dev.ranks.comm.Status;
import java.util.function.Supplier;

/**
 * A non-blocking collective in progress (MPI_Ibcast, MPI_Iallreduce…), returned by the
 * {@code …Async} methods of {@link Intracomm}. The collective's first messages are posted when it
 * starts; later rounds move whenever this request is tested or waited for (MPI's weak progress:
 * test it now and then while computing, or wait for it).
 *
 * <p>Buffers given to the collective must not be touched until it completes. A collective cannot
 * be cancelled.
 *
 * @param <T> what {@link #get()} returns: the result of an object collective, or the receive
 *     buffer of an array collective
 */
public final class CollectiveRequest<T> extends Request {
    private final Schedule schedule;
    private final Supplier<T> result;
    private boolean done;

    CollectiveRequest(Schedule schedule, Supplier<T> result) {
        super(Status.empty());
        this.schedule = schedule;
        this.result = result;
        test();
    }

    /**
     * Waits until this rank's part of the collective completes (MPI_Wait).
     *
     * @return an empty status
     */
    @Override
    public Status waitFor() {
        if (!done) {
            schedule.run();
            done = true;
        }
        return Status.empty();
    }

    /**
     * Moves the collective on as far as it can go without blocking (MPI_Test).
     *
     * @return whether this rank's part has completed
     */
    @Override
    public boolean test() {
        if (!done) {
            done = schedule.progress();
        }
        return done;
    }

    /**
     * Collectives cannot be cancelled (MPI forbids MPI_Cancel on them).
     *
     * @return false
     */
    @Override
    public boolean cancel() {
        return false;
    }

    /**
     * Waits for the collective and returns its result.
     *
     * @return the object result (null where the rank gets none, such as a non-root rank of
     *     {@code gather}), or the receive buffer of an array collective
     */
    public T get() {
        waitFor();
        return result.get();
    }
}
