package dev.ranks.comm;

import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import java.util.List;

/**
 * A non-blocking operation in progress (MPI_Request), returned by {@code isend} and {@code irecv}.
 * A request is waited for by the rank that started it.
 */
public class Request {
    private final Endpoint endpoint;
    private final DeviceRequest device;
    private final Status done;
    private final Group group;

    Request(Endpoint endpoint, DeviceRequest device, Group group) {
        this.endpoint = endpoint;
        this.device = device;
        this.done = null;
        this.group = group;
    }

    /**
     * A request that is complete from the start, such as a send to {@link Comm#PROC_NULL}.
     *
     * @param status what {@link #waitFor()} returns
     */
    protected Request(Status status) {
        this.endpoint = null;
        this.device = null;
        this.done = status;
        this.group = null;
    }

    /**
     * Waits until the operation completes (MPI_Wait). Waiting again returns the same status.
     *
     * @return the status of the message received; for a send, an empty status
     * @throws TruncationException when the message was larger than the receive buffer
     * @throws TypeMismatchException when the message held another element type
     * @throws JobAbortedException when another rank ended the job
     * @throws DeadlockException when every live rank is blocked for good
     */
    public Status waitFor() {
        if (device == null) {
            return done;
        }
        if (!device.isComplete()) {
            endpoint.await(device);
        }
        return group.status(device.status());
    }

    /**
     * Checks without blocking whether the operation has completed (MPI_Test).
     *
     * @return whether {@link #waitFor()} would return at once
     */
    public boolean test() {
        return device == null || device.isComplete();
    }

    /**
     * Cancels a receive that has not matched a message yet (MPI_Cancel). A cancelled receive
     * completes with a status whose {@link Status#cancelled()} is true.
     *
     * @return whether it was cancelled; false when it already matched or is a send
     */
    public boolean cancel() {
        return device != null && endpoint.cancel(device);
    }

    /** @return the device's request, or null for a request that was complete from the start */
    final DeviceRequest device() {
        return device;
    }

    /**
     * Waits for every request (MPI_Waitall). A truncated or mistyped receive does not stop the
     * wait: the other requests are still waited for, then the first such error is thrown. An error
     * that ends the job (abort, deadlock) is thrown at once.
     *
     * @param requests the requests
     * @return their statuses, in order
     */
    public static Status[] waitAll(Request... requests) {
        Status[] statuses = new Status[requests.length];
        RanksException first = null;
        for (int i = 0; i < requests.length; i++) {
            try {
                statuses[i] = requests[i].waitFor();
            } catch (TruncationException | TypeMismatchException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return statuses;
    }

    /**
     * Waits for every request in a list (MPI_Waitall).
     *
     * @param requests the requests
     * @return their statuses, in order
     */
    public static Status[] waitAll(List<? extends Request> requests) {
        return waitAll(requests.toArray(new Request[0]));
    }

    /**
     * Waits until one of the requests completes (MPI_Waitany).
     *
     * @param requests the requests, at least one
     * @return the index of a completed request; call its {@link #waitFor()} for the status
     */
    public static int waitAny(Request... requests) {
        if (requests.length == 0) {
            throw new RanksException(ErrorClass.ARG, "waitAny got no requests: expected at least one");
        }
        Endpoint endpoint = null;
        boolean allDevice = true;
        for (int i = 0; i < requests.length; i++) {
            if (requests[i].test()) {
                return i;
            }
            endpoint = requests[i].endpoint;
            allDevice &= requests[i].device != null;
        }
        if (!allDevice) {
            return pollAny(requests);
        }
        DeviceRequest[] pending = new DeviceRequest[requests.length];
        for (int i = 0; i < requests.length; i++) {
            pending[i] = requests[i].device;
        }
        return endpoint.awaitAny(pending);
    }

    // Requests that progress in test(), such as non-blocking collectives, cannot be handed to the
    // device's awaitAny: poll them, yielding the processor between rounds.
    private static int pollAny(Request[] requests) {
        while (true) {
            for (int i = 0; i < requests.length; i++) {
                if (requests[i].test()) {
                    return i;
                }
            }
            Thread.yield();
        }
    }

    /**
     * Checks without blocking whether every request has completed (MPI_Testall).
     *
     * @param requests the requests
     * @return whether all have completed
     */
    public static boolean testAll(Request... requests) {
        for (Request r : requests) {
            if (!r.test()) {
                return false;
            }
        }
        return true;
    }
}
