package dev.ranks.comm;

import dev.ranks.comm.internal.codec.ObjectCodec;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.Payload;

/**
 * A non-blocking receive of an object, from {@link Comm#irecv(int, int)}; {@link #get()} waits and
 * returns the object.
 *
 * @param <T> the type of the object expected
 */
public final class ObjectRequest<T> extends Request {
    private T value;
    private boolean decoded;

    ObjectRequest(Endpoint endpoint, DeviceRequest device, Group group) {
        super(endpoint, device, group);
    }

    ObjectRequest(Status status) {
        super(status);
        decoded = true;
    }

    /**
     * Waits for the object (mpi4py's {@code req.wait()}).
     *
     * @return the object received; null for a receive from {@link Comm#PROC_NULL} or a cancelled one
     */
    public T get() {
        Status status = waitFor();
        if (!decoded) {
            Payload payload = status.cancelled() ? null : device().received();
            value = payload == null ? null : ObjectCodec.unwrap(payload);
            decoded = true;
        }
        return value;
    }
}
