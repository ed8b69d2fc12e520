/**
 * The {@code aparapi} backend: kernels written in Java, which Aparapi translates from bytecode to
 * OpenCL and runs on an OpenCL device. Aparapi's silent fallback to its Java thread pool counts as a
 * failure here, never as a result.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.gpu.aparapi;
