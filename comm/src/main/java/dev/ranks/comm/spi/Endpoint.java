package dev.ranks.comm.spi;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;

/**
 * One rank's attachment to a device. Ranks are world ranks; a context number keeps the traffic of
 * different communicators (and of collectives) apart. Calls may throw
 * {@link dev.ranks.comm.JobAbortedException} or {@link dev.ranks.comm.DeadlockException}.
 */
public interface Endpoint {
    /** @return this rank */
    int rank();

    /** @return the number of ranks in the job */
    int size();

    /** @return the job's settings */
    Settings settings();

    /**
     * Starts a send. An eager send copies the payload and completes at once; otherwise the payload
     * must stay unchanged until the request completes.
     *
     * @param context the communicator context
     * @param dest the destination rank
     * @param tag the tag, at least 0
     * @param payload what to send
     * @param synchronous whether the send completes only once the matching receive has started
     * @return the request
     */
    DeviceRequest send(int context, int dest, int tag, Payload payload, boolean synchronous);

    /**
     * Starts a receive.
     *
     * @param context the communicator context
     * @param source the source rank or {@link dev.ranks.comm.Comm#ANY_SOURCE}
     * @param tag the tag or {@link dev.ranks.comm.Comm#ANY_TAG}
     * @param sink where the data goes
     * @return the request
     */
    DeviceRequest receive(int context, int source, int tag, Sink sink);

    /**
     * Sends a slice of a primitive array and waits until the send completes: a blocking send, the
     * latency path. The default is {@link #send} with {@link Payload#array}, then {@link #await};
     * a device may override it to send without allocating.
     *
     * @param context the communicator context
     * @param dest the destination rank
     * @param tag the tag, at least 0
     * @param type the element type, not {@link ElementType#OBJECT}
     * @param array an array of that type
     * @param offset the first element to send
     * @param count the number of elements
     * @param synchronous whether the send completes only once the matching receive has started
     */
    default void sendAndWait(int context, int dest, int tag, ElementType type, Object array, int offset, int count,
                             boolean synchronous) {
        DeviceRequest request = send(context, dest, tag, Payload.array(type, array, offset, count), synchronous);
        if (!request.isComplete()) {
            await(request);
        }
        request.status();
    }

    /**
     * Receives into a slice of a primitive array and waits for the message: a blocking receive,
     * the latency path. The default is {@link #receive} with {@link Sink#array}, then
     * {@link #await}; a device may override it to receive without allocating.
     *
     * @param context the communicator context
     * @param source the source rank or {@link dev.ranks.comm.Comm#ANY_SOURCE}
     * @param tag the tag or {@link dev.ranks.comm.Comm#ANY_TAG}
     * @param type the element type, not {@link ElementType#OBJECT}
     * @param array an array of that type
     * @param offset the first element to fill
     * @param capacity the most elements to receive
     * @return the receive's status, in world ranks
     */
    default Status receiveAndWait(int context, int source, int tag, ElementType type, Object array, int offset,
                                  int capacity) {
        DeviceRequest request = receive(context, source, tag, Sink.array(type, array, offset, capacity));
        if (!request.isComplete()) {
            await(request);
        }
        return request.status();
    }

    /**
     * Looks for a message that a receive with these arguments would match, without receiving it.
     *
     * @param context the communicator context
     * @param source the source rank or {@code ANY_SOURCE}
     * @param tag the tag or {@code ANY_TAG}
     * @param block whether to wait until such a message arrives
     * @return its status, or null when {@code block} is false and there is none
     */
    Status probe(int context, int source, int tag, boolean block);

    /**
     * Waits until the request completes.
     *
     * @param request a request of this endpoint
     */
    void await(DeviceRequest request);

    /**
     * Waits until one of the requests completes.
     *
     * @param requests requests of this endpoint, none null
     * @return the index of a completed request
     */
    int awaitAny(DeviceRequest[] requests);

    /**
     * Cancels a receive that has not matched a message yet.
     *
     * @param request a request of this endpoint
     * @return whether it was cancelled; false if it already matched, completed, or is a send
     */
    boolean cancel(DeviceRequest request);

    /**
     * Ends the whole job: every rank's blocked call is released with a job-aborted error.
     * Does not return normally.
     *
     * @param code the abort code
     * @return never returns; declared so callers can write {@code throw endpoint.abort(code)}
     */
    RuntimeException abort(int code);

    /** @return seconds since an arbitrary fixed point in this process, as MPI_Wtime */
    double wtime();

    /**
     * Memory shared by the ranks of the job, for collectives that work through it instead of
     * messages; only devices whose ranks run in one address space offer it.
     *
     * @return the shared memory, or null when the device has none (the default)
     */
    default SharedMemory sharedMemory() {
        return null;
    }

    /**
     * Tells the device that the world ranks {@code members}, in their new ranks' order, form a new
     * communicator whose point-to-point traffic uses {@code context} and whose collectives use
     * {@code context + 1}. Every member calls it once, as the communicator is made (by split or
     * dup), in the same order as every other communicator creation they share; a device that maps
     * communicators onto its own (the {@code mpi} device) creates them here. The world
     * communicator (contexts 0 and 1) is never announced. The default does nothing.
     *
     * @param context the new communicator's context, even, at least 2
     * @param members the world ranks of its members, indexed by their rank in it
     */
    default void communicatorCreated(int context, int[] members) {
    }

    /**
     * Collectives the device runs with its own implementation, which the collectives module uses
     * for blocking collectives on primitive arrays unless an algorithm is forced.
     *
     * @return the device's collectives, or null when it has none (the default)
     */
    default NativeCollectives nativeCollectives() {
        return null;
    }
}
