/*
 * The Open MPI reference of Ranks' `bench allreduce`, `bench bcast` and `bench barrier` (their
 * --openmpi option, and bin/bench-compare-coll): the same collective calls in C, timed the two ways
 * the harness (CollectiveBench) times them:
 *   - with a barrier between calls: each rank times each call on its own and takes its mean; the
 *     row gives the average of those means over the ranks (osu_allreduce's figure);
 *   - back to back: after a barrier, each rank times a run of calls with nothing between them and
 *     divides by their number; the row gives the average over the ranks.
 * allreduce reduces size / 8 doubles with MPI_SUM; bcast sends size bytes from rank 0; barrier has
 * no size (give 0).
 *
 * Usage: mpirun -np N collectives allreduce|bcast|barrier ITERATIONS WARMUP SIZE...
 * prints "SIZE BARRIER_BETWEEN_US BACK_TO_BACK_US ITERATIONS" per size on rank 0.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CollectiveBenchOptions: above 8 KiB a tenth as many calls; CollectiveBench: the first size warms
 * up ten times as long. */
#define LARGE_MESSAGE 8192
#define LARGE_DIVISOR 10
#define PRE_WARM_FACTOR 10

enum kind { ALLREDUCE, BCAST, BARRIER };

static int scaled(int count, long size) {
    return size <= LARGE_MESSAGE ? count : (count + LARGE_DIVISOR - 1) / LARGE_DIVISOR;
}

static void call(enum kind kind, double *send, double *recv, char *bytes, long size) {
    switch (kind) {
    case ALLREDUCE:
        MPI_Allreduce(send, recv, (int) (size / 8), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        break;
    case BCAST:
        MPI_Bcast(bytes, (int) size, MPI_BYTE, 0, MPI_COMM_WORLD);
        break;
    case BARRIER:
        MPI_Barrier(MPI_COMM_WORLD);
        break;
    }
}

static int usage(int rank, const char *program, const char *why) {
    if (rank == 0) {
        fprintf(stderr, "%s: %s\nusage: mpirun -np N %s allreduce|bcast|barrier ITERATIONS WARMUP SIZE...\n",
                program, why, program);
    }
    MPI_Finalize();
    return 2;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, ranks;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    if (argc < 5) {
        return usage(rank, argv[0], "expected a collective, the iterations, the warm-up and at least one size");
    }
    enum kind kind;
    if (strcmp(argv[1], "allreduce") == 0) {
        kind = ALLREDUCE;
    } else if (strcmp(argv[1], "bcast") == 0) {
        kind = BCAST;
    } else if (strcmp(argv[1], "barrier") == 0) {
        kind = BARRIER;
    } else {
        return usage(rank, argv[0], "unknown collective: expected allreduce, bcast or barrier");
    }
    int iterations = atoi(argv[2]);
    int warmup = atoi(argv[3]);
    if (iterations < 1 || warmup < 0) {
        return usage(rank, argv[0], "expected ITERATIONS >= 1 and WARMUP >= 0");
    }
    long max = 0;
    for (int a = 4; a < argc; a++) {
        long s = atol(argv[a]);
        if (s < 0 || (kind == ALLREDUCE && s % 8 != 0)) {
            return usage(rank, argv[0], "a size is invalid: expected bytes >= 0, a multiple of 8 for allreduce");
        }
        max = s > max ? s : max;
    }
    double *send = malloc(max > 0 ? max : 8);
    double *recv = malloc(max > 0 ? max : 8);
    char *bytes = malloc(max > 0 ? max : 1);
    for (long i = 0; i < max / 8; i++) {
        send[i] = 1.0;
    }
    memset(bytes, 1, max > 0 ? max : 1);
    for (int a = 4; a < argc; a++) {
        long size = atol(argv[a]);
        int n = scaled(iterations, size);
        int w = scaled(warmup, size) * (a == 4 ? PRE_WARM_FACTOR : 1);
        for (int i = 0; i < w; i++) {
            call(kind, send, recv, bytes, size);
            MPI_Barrier(MPI_COMM_WORLD);
        }
        double between = 0;
        for (int i = 0; i < n; i++) {
            double start = MPI_Wtime();
            call(kind, send, recv, bytes, size);
            between += MPI_Wtime() - start;
            MPI_Barrier(MPI_COMM_WORLD);
        }
        /* The back-to-back loop warms up on its own too, as CollectiveBench's does (there, for the JIT). */
        for (int i = 0; i < w; i++) {
            call(kind, send, recv, bytes, size);
        }
        MPI_Barrier(MPI_COMM_WORLD);
        double start = MPI_Wtime();
        for (int i = 0; i < n; i++) {
            call(kind, send, recv, bytes, size);
        }
        double mine[2] = {between / n * 1e6, (MPI_Wtime() - start) / n * 1e6};
        double sums[2];
        MPI_Reduce(mine, sums, 2, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
        MPI_Barrier(MPI_COMM_WORLD);
        if (rank == 0) {
            printf("%ld %.3f %.3f %d\n", size, sums[0] / ranks, sums[1] / ranks, n);
            fflush(stdout);
        }
    }
    free(send);
    free(recv);
    free(bytes);
    MPI_Finalize();
    return 0;
}
