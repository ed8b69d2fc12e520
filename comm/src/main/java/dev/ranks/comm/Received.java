package dev.ranks.comm;

/**
 * An object received together with its status, from {@link Comm#recvWithStatus(int, int)}.
 *
 * @param value the object received
 * @param status its source, tag and count
 * @param <T> the type of the object
 */
public record Received<T>(T value, Status status) {
}
