/**
 * Communicators and point-to-point messaging.
 *
 * <p>{@link dev.ranks.comm.Ranks} starts a job; each rank receives a {@link dev.ranks.comm.Comm}.
 * Messages come in two styles chosen by argument type: objects (any value the codec accepts,
 * returned by {@code recv}) and primitive arrays (received into the caller's array). Every failure
 * is a {@link dev.ranks.comm.RanksException} carrying an {@link dev.ranks.comm.ErrorClass}.
 */
package dev.ranks.comm;
