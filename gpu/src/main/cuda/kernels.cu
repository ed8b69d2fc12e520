// The kernel catalog in CUDA C, the twin of dev/ranks/gpu/opencl/kernels.cl. gpu/build-ptx.sh
// compiles it ahead with nvcc to PTX (resource dev/ranks/gpu/cuda/kernels.ptx), which the CUDA
// backend loads with cuModuleLoadData and the driver JITs for the device; without that PTX the
// backend compiles this file with NVRTC where libnvrtc is present. extern "C" keeps the names plain.

#define TILE 16

extern "C" __global__ void vec_add(const float* a, const float* b, float* c, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        c[i] = a[i] + b[i];
    }
}

extern "C" __global__ void saxpy(float alpha, const float* x, float* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        y[i] = alpha * x[i] + y[i];
    }
}

// PyCUDA's first recipe on a 2-D grid: x walks columns, so a warp touches neighbouring addresses.
extern "C" __global__ void double_matrix(float* m, int rows, int cols) {
    int c = blockIdx.x * blockDim.x + threadIdx.x;
    int r = blockIdx.y * blockDim.y + threadIdx.y;
    if (r < rows && c < cols) {
        m[r * cols + c] *= 2.0f;
    }
}

extern "C" __global__ void matmul_naive(const float* a, const float* b, float* c, int n, int k, int m) {
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    int i = blockIdx.y * blockDim.y + threadIdx.y;
    if (i < n && j < m) {
        float acc = 0.0f;
        for (int p = 0; p < k; p++) {
            acc += a[i * k + p] * b[p * m + j];
        }
        c[i * m + j] = acc;
    }
}

// Each 16x16 block stages a tile of A and one of B in shared memory per step along k; edges pad
// with zeros. A first tiled kernel, not a tuned one: it reads one element per thread per tile.
extern "C" __global__ void matmul_tiled(const float* a, const float* b, float* c, int n, int k, int m) {
    __shared__ float as[TILE][TILE];
    __shared__ float bs[TILE][TILE];
    int tx = threadIdx.x;
    int ty = threadIdx.y;
    int j = blockIdx.x * TILE + tx;
    int i = blockIdx.y * TILE + ty;
    float acc = 0.0f;
    for (int t = 0; t < k; t += TILE) {
        as[ty][tx] = (i < n && t + tx < k) ? a[i * k + t + tx] : 0.0f;
        bs[ty][tx] = (t + ty < k && j < m) ? b[(t + ty) * m + j] : 0.0f;
        __syncthreads();
        for (int p = 0; p < TILE; p++) {
            acc += as[ty][p] * bs[p][tx];
        }
        __syncthreads();
    }
    if (i < n && j < m) {
        c[i * m + j] = acc;
    }
}

#define BLOCK 64
#define WORK 4

// Register blocking, the twin of matmul_blocked in kernels.cl: each 16x16 block computes a 64x64
// block of C, each thread a 4x4 set of it (rows ty + 16r, columns tx + 16c); per step of 16 along k
// the block stages a 64x16 slab of A and a 16x64 slab of B, and each shared-memory value read feeds
// four multiply-adds. Not yet compiled with nvcc nor run on a GPU.
extern "C" __global__ void matmul_blocked(const float* a, const float* b, float* c, int n, int k, int m) {
    __shared__ float as[BLOCK][TILE];
    __shared__ float bs[TILE][BLOCK];
    int tx = threadIdx.x;
    int ty = threadIdx.y;
    int lid = ty * TILE + tx;
    int row0 = blockIdx.y * BLOCK;
    int col0 = blockIdx.x * BLOCK;
    float acc[WORK][WORK];
#pragma unroll
    for (int r = 0; r < WORK; r++) {
#pragma unroll
        for (int q = 0; q < WORK; q++) {
            acc[r][q] = 0.0f;
        }
    }
    for (int t = 0; t < k; t += TILE) {
#pragma unroll
        for (int l = 0; l < WORK; l++) {
            int e = lid + l * TILE * TILE;
            int ar = e / TILE;
            int ac = e % TILE;
            as[ar][ac] = (row0 + ar < n && t + ac < k) ? a[(row0 + ar) * k + t + ac] : 0.0f;
            int br = e / BLOCK;
            int bc = e % BLOCK;
            bs[br][bc] = (t + br < k && col0 + bc < m) ? b[(t + br) * m + col0 + bc] : 0.0f;
        }
        __syncthreads();
#pragma unroll
        for (int p = 0; p < TILE; p++) {
            float av[WORK];
            float bv[WORK];
#pragma unroll
            for (int r = 0; r < WORK; r++) {
                av[r] = as[ty + r * TILE][p];
                bv[r] = bs[p][tx + r * TILE];
            }
#pragma unroll
            for (int r = 0; r < WORK; r++) {
#pragma unroll
                for (int q = 0; q < WORK; q++) {
                    acc[r][q] += av[r] * bv[q];
                }
            }
        }
        __syncthreads();
    }
#pragma unroll
    for (int r = 0; r < WORK; r++) {
        int i = row0 + ty + r * TILE;
#pragma unroll
        for (int q = 0; q < WORK; q++) {
            int j = col0 + tx + q * TILE;
            if (i < n && j < m) {
                c[i * m + j] = acc[r][q];
            }
        }
    }
}

// One reduction stage: grid-strided fold per thread, then a tree in dynamic shared memory (the
// block size is a power of two); thread 0 writes the block's partial. The host runs it over the
// input with many blocks, then over the partials with one.
extern "C" __global__ void reduce_sum(const float* x, int n, float* partial) {
    extern __shared__ float scratch[];
    int lid = threadIdx.x;
    float acc = 0.0f;
    for (int i = blockIdx.x * blockDim.x + lid; i < n; i += gridDim.x * blockDim.x) {
        acc += x[i];
    }
    scratch[lid] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] += scratch[lid + s];
        }
        __syncthreads();
    }
    if (lid == 0) {
        partial[blockIdx.x] = scratch[0];
    }
}

extern "C" __global__ void reduce_max(const float* x, int n, float* partial) {
    extern __shared__ float scratch[];
    int lid = threadIdx.x;
    float acc = -INFINITY;
    for (int i = blockIdx.x * blockDim.x + lid; i < n; i += gridDim.x * blockDim.x) {
        acc = fmaxf(acc, x[i]);
    }
    scratch[lid] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = fmaxf(scratch[lid], scratch[lid + s]);
        }
        __syncthreads();
    }
    if (lid == 0) {
        partial[blockIdx.x] = scratch[0];
    }
}

// F(n) mod 2^64 by fast doubling from n's top bit; unsigned long long wraps mod 2^64.
extern "C" __global__ void fib_batch(const unsigned long long* n, unsigned long long* out, int count) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < count) {
        unsigned long long v = n[i];
        unsigned long long a = 0;
        unsigned long long b = 1;
        for (int bit = 63 - __clzll((long long) v); bit >= 0; bit--) {
            unsigned long long c = a * (2 * b - a);
            unsigned long long d = a * a + b * b;
            if (((v >> bit) & 1) == 0) {
                a = c;
                b = d;
            } else {
                a = d;
                b = c + d;
            }
        }
        out[i] = a;
    }
}
