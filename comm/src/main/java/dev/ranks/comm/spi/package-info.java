/**
 * The transport SPI: what a device must provide for {@link dev.ranks.comm.Comm} to run on it.
 *
 * <p>A {@link dev.ranks.comm.spi.Device} runs a job; each rank talks to it through an
 * {@link dev.ranks.comm.spi.Endpoint}, which starts sends and receives on a numbered context and
 * returns {@link dev.ranks.comm.spi.DeviceRequest}s. Devices are found with
 * {@link java.util.ServiceLoader} by name. Matching (source, tag, context, non-overtaking order),
 * eager and rendezvous protocols, waiting, abort and deadlock diagnosis belong to the device;
 * argument checks, objects and their codec belong to {@code Comm}.
 *
 * <p>API for writers of devices; programs never need it (docs/api.md).
 */
package dev.ranks.comm.spi;
