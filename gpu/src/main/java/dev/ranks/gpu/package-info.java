/**
 * GPU offload: vectorizable kernels run on whatever compute device is there, with the same results
 * everywhere. {@link dev.ranks.gpu.Backends} finds the {@link dev.ranks.gpu.ComputeBackend}s
 * (OpenCL, CUDA, Aparapi, Java) and picks one; a {@link dev.ranks.gpu.Device} owns explicit
 * {@link dev.ranks.gpu.DeviceBuffer}s (allocate, copy in, run, copy out, reuse) and runs the kernel
 * catalog on them; {@link dev.ranks.gpu.Reference} is the single-threaded Java every result is checked
 * against. Users' own kernels: {@link dev.ranks.gpu.Device#buildProgram(dev.ranks.gpu.KernelSource, String)} makes a
 * {@link dev.ranks.gpu.KernelProgram}, whose {@link dev.ranks.gpu.Kernel}s take arguments and launch.
 * See docs/gpu.md.
 */
package dev.ranks.gpu;
