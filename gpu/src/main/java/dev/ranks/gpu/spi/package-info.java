/**
 * What the backends share: the availability probes' native guard, the probed-once device list, and the
 * host-array buffer of the backends whose "device memory" is a Java array; not for users of the
 * {@code gpu} module.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.gpu.spi;
