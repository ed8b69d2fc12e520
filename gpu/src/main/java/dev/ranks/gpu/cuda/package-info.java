/**
 * The {@code cuda} backend on JCuda's driver API: the catalog from PTX compiled ahead with nvcc
 * ({@code gpu/build-ptx.sh}) and loaded with {@code cuModuleLoadData}, element-wise kernels through
 * NVRTC where its library is present.
 */
package dev.ranks.gpu.cuda;
