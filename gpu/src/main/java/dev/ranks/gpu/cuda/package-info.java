/**
 * The {@code cuda} backend on JCuda's driver API: the catalog from PTX compiled ahead with nvcc
 * ({@code gpu/build-ptx.sh}) and loaded with {@code cuModuleLoadData}, element-wise kernels through
 * NVRTC where its library is present.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.gpu.cuda;
