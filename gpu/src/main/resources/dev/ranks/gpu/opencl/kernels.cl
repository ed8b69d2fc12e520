// The kernel catalog in OpenCL C 1.2; dev.ranks.gpu.opencl.OpenClDevice builds it once per device.
// Every kernel guards its index: global sizes are rounded up to a multiple of the work-group size.

__kernel void vec_add(__global const float* a, __global const float* b, __global float* c, const int n) {
    int i = get_global_id(0);
    if (i < n) {
        c[i] = a[i] + b[i];
    }
}

__kernel void saxpy(const float alpha, __global const float* x, __global float* y, const int n) {
    int i = get_global_id(0);
    if (i < n) {
        y[i] = alpha * x[i] + y[i];
    }
}

// PyCUDA's first recipe on a 2-D grid: dimension 0 walks columns, so neighbouring work items touch
// neighbouring addresses.
__kernel void double_matrix(__global float* m, const int rows, const int cols) {
    int c = get_global_id(0);
    int r = get_global_id(1);
    if (r < rows && c < cols) {
        m[r * cols + c] *= 2.0f;
    }
}

__kernel void matmul_naive(__global const float* a, __global const float* b, __global float* c,
        const int n, const int k, const int m) {
    int j = get_global_id(0);
    int i = get_global_id(1);
    if (i < n && j < m) {
        float acc = 0.0f;
        for (int p = 0; p < k; p++) {
            acc += a[i * k + p] * b[p * m + j];
        }
        c[i * m + j] = acc;
    }
}

#define TILE 16

// Each 16x16 work group stages a tile of A and one of B in local memory per step along k, so each
// global element is read once per tile instead of once per product; edges are padded with zeros.
__kernel void matmul_tiled(__global const float* a, __global const float* b, __global float* c,
        const int n, const int k, const int m) {
    __local float as[TILE][TILE];
    __local float bs[TILE][TILE];
    int tx = get_local_id(0);
    int ty = get_local_id(1);
    int j = get_group_id(0) * TILE + tx;
    int i = get_group_id(1) * TILE + ty;
    float acc = 0.0f;
    for (int t = 0; t < k; t += TILE) {
        as[ty][tx] = (i < n && t + tx < k) ? a[i * k + t + tx] : 0.0f;
        bs[ty][tx] = (t + ty < k && j < m) ? b[(t + ty) * m + j] : 0.0f;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < TILE; p++) {
            acc += as[ty][p] * bs[p][tx];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (i < n && j < m) {
        c[i * m + j] = acc;
    }
}

#define BLOCK 64
#define WORK 4

// Register blocking: each 16x16 work group computes a 64x64 block of C, each work item a 4x4 set of
// it (rows ty + 16r, columns tx + 16c, so neighbouring items touch neighbouring addresses). Per step
// of 16 along k the group stages a 64x16 slab of A and a 16x64 slab of B, four loads per item each;
// every value read from local memory then feeds four multiply-adds instead of one.
__kernel void matmul_blocked(__global const float* a, __global const float* b, __global float* c,
        const int n, const int k, const int m) {
    __local float as[BLOCK][TILE];
    __local float bs[TILE][BLOCK];
    int tx = get_local_id(0);
    int ty = get_local_id(1);
    int lid = ty * TILE + tx;
    int row0 = get_group_id(1) * BLOCK;
    int col0 = get_group_id(0) * BLOCK;
    float acc[WORK][WORK];
    for (int r = 0; r < WORK; r++) {
        for (int q = 0; q < WORK; q++) {
            acc[r][q] = 0.0f;
        }
    }
    for (int t = 0; t < k; t += TILE) {
        for (int l = 0; l < WORK; l++) {
            int e = lid + l * TILE * TILE;
            int ar = e / TILE;
            int ac = e % TILE;
            as[ar][ac] = (row0 + ar < n && t + ac < k) ? a[(row0 + ar) * k + t + ac] : 0.0f;
            int br = e / BLOCK;
            int bc = e % BLOCK;
            bs[br][bc] = (t + br < k && col0 + bc < m) ? b[(t + br) * m + col0 + bc] : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < TILE; p++) {
            float av[WORK];
            float bv[WORK];
            for (int r = 0; r < WORK; r++) {
                av[r] = as[ty + r * TILE][p];
                bv[r] = bs[p][tx + r * TILE];
            }
            for (int r = 0; r < WORK; r++) {
                for (int q = 0; q < WORK; q++) {
                    acc[r][q] += av[r] * bv[q];
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int r = 0; r < WORK; r++) {
        int i = row0 + ty + r * TILE;
        for (int q = 0; q < WORK; q++) {
            int j = col0 + tx + q * TILE;
            if (i < n && j < m) {
                c[i * m + j] = acc[r][q];
            }
        }
    }
}

// One stage of a reduction: each work item folds a grid-strided slice, the group folds those in
// local memory as a tree (the local size is a power of two), and item 0 writes the group's partial.
// The host runs it over the input with many groups, then over the partials with one.
__kernel void reduce_sum(__global const float* x, const int n, __global float* partial, __local float* scratch) {
    int lid = get_local_id(0);
    float acc = 0.0f;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        acc += x[i];
    }
    scratch[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] += scratch[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partial[get_group_id(0)] = scratch[0];
    }
}

__kernel void reduce_max(__global const float* x, const int n, __global float* partial, __local float* scratch) {
    int lid = get_local_id(0);
    float acc = -INFINITY;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        acc = fmax(acc, x[i]);
    }
    scratch[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s) {
            scratch[lid] = fmax(scratch[lid], scratch[lid + s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partial[get_group_id(0)] = scratch[0];
    }
}

// F(n) mod 2^64 by fast doubling, n's bits from the top: (F(k), F(k+1)) -> (F(2k), F(2k+1)), then
// one step more for a set bit; ulong arithmetic wraps mod 2^64.
__kernel void fib_batch(__global const ulong* n, __global ulong* out, const int count) {
    int i = get_global_id(0);
    if (i < count) {
        ulong v = n[i];
        ulong a = 0;
        ulong b = 1;
        for (int bit = 63 - (int) clz(v); bit >= 0; bit--) {
            ulong c = a * (2 * b - a);
            ulong d = a * a + b * b;
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
