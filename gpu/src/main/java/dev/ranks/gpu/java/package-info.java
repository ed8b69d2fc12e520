/**
 * The {@code java} backend: the kernel catalog as parallel streams over heap arrays, always available,
 * the fallback of {@code auto}.
 */
package dev.ranks.gpu.java;
