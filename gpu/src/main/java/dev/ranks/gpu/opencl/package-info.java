/**
 * The {@code opencl} backend on JOCL: every OpenCL platform's devices, GPUs and CPUs (PoCL) alike,
 * running the kernel catalog in {@code kernels.cl} and element-wise kernels compiled on demand.
 */
package dev.ranks.gpu.opencl;
