/**
 * Helpers for the backends' availability probes, shared by the OpenCL and Aparapi backends; not for
 * users of the {@code gpu} module.
 */
package dev.ranks.gpu.spi;
