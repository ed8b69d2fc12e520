#!/usr/bin/env bash
# Compiles the CUDA kernel catalog (gpu/src/main/cuda/kernels.cu) ahead of time to PTX, into the
# resource the CUDA backend loads with cuModuleLoadData; the driver JITs PTX for whatever device it
# finds, so one PTX serves every GPU at or above the target architecture. Run it on a machine with
# nvcc (the CUDA toolkit), then rebuild the gpu module. ARCH overrides the virtual architecture
# (default compute_80: Ampere and later, H100/H200 included; CUDA 13 no longer targets below 7.5).
set -euo pipefail

here=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")
arch=${ARCH:-compute_80}
out="$here/src/main/resources/dev/ranks/gpu/cuda/kernels.ptx"

command -v nvcc >/dev/null || { echo "build-ptx.sh: nvcc is not on the PATH: install the CUDA toolkit" >&2; exit 1; }
mkdir -p "$(dirname -- "$out")"
nvcc --ptx -O3 -arch="$arch" -o "$out" "$here/src/main/cuda/kernels.cu"
echo "build-ptx.sh: wrote $out ($(nvcc --version | tail -1))" >&2
