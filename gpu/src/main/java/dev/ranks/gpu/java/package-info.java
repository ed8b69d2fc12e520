/**
 * The {@code java} backend: the kernel catalog as parallel streams over heap arrays, always available,
 * the fallback of {@code auto}.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.gpu.java;
