package dev.ranks.gpu;

import java.util.Objects;

/**
 * What a backend's availability probe found: usable or not, and why.
 *
 * @param available whether the backend can open a device
 * @param detail for an available backend, what it found (such as the platform); for an unavailable
 *     one, why it cannot be used, in words a user can act on
 */
public record Availability(boolean available, String detail) {
    /**
     * Checks the detail.
     *
     * @param available whether the backend can open a device
     * @param detail what the probe found, or why the backend is unavailable
     */
    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A usable backend.
     *
     * @param detail what the probe found
     * @return an availability saying so
     */
    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    /**
     * An unusable backend.
     *
     * @param reason why it cannot be used
     * @return an availability saying so
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
