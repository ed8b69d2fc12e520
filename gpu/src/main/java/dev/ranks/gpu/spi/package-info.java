/**
 * What the backends share: the availability probes' native guard, the probed-once device list, and the
 * host-array buffer of the backends whose "device memory" is a Java array; not for users of the
 * {@code gpu} module.
 */
package dev.ranks.gpu.spi;
