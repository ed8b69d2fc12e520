/*
 * A histogram of floats in [0, 1) over `bins` equal bins, bin = (int) (value * bins) clamped to the last
 * bin, as the Java reference in Histogram.java computes it.
 *
 * Each work group counts its share of the values into a sub-histogram in __local memory, with local
 * atomics (cheap: the group's own memory), then adds each non-zero bin to the global histogram with one
 * global atomic per bin and group instead of one per value. The work items stride over the input, so any
 * number of groups covers any n. Launch with `bins` ints of local memory and `counts` zeroed.
 */
__kernel void histogram(__global const float* values, const int n, const int bins,
                        __global int* counts, __local int* local_counts) {
    const int lid = get_local_id(0);
    const int lsize = get_local_size(0);
    for (int b = lid; b < bins; b += lsize) {
        local_counts[b] = 0;
    }
    barrier(CLK_LOCAL_MEM_FENCE);

    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        const int b = (int) (values[i] * bins);
        atomic_inc(&local_counts[clamp(b, 0, bins - 1)]);
    }
    barrier(CLK_LOCAL_MEM_FENCE);

    for (int b = lid; b < bins; b += lsize) {
        const int c = local_counts[b];
        if (c != 0) {
            atomic_add(&counts[b], c);
        }
    }
}
