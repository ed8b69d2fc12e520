/**
 * The {@code opencl} backend on JOCL: every OpenCL platform's devices, GPUs and CPUs (PoCL) alike,
 * running the kernel catalog in {@code kernels.cl} and element-wise kernels compiled on demand.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.gpu.opencl;
