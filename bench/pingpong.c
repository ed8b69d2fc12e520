/*
 * The reference side of bin/bench-compare: ping-pong between ranks 0 and 1 in C over MPI, measured
 * the way Ranks' `bench latency` and `bench bw` measure it (median round-trip time of many timed
 * iterations after untimed warm-up; one-way latency = RTT / 2; bandwidth = 2 * size / RTT).
 *
 * Usage: mpirun -np 2 pingpong SIZE...   prints "SIZE LATENCY_US MIB_PER_S" per size on rank 0.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The iteration counts of Ranks' PingPongOptions defaults: 10000 up to 8 KiB, then fewer in
 * proportion to the size, at least 50. */
static int iterations_at(long size) {
    const long large = 8192;
    if (size <= large) {
        return 10000;
    }
    long n = 10000 * large / size;
    return n < 50 ? 50 : (int) n;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2 || argc < 2) {
        if (rank == 0) {
            fprintf(stderr, "usage: mpirun -np 2 %s SIZE...: needs 2 ranks and at least one size\n", argv[0]);
        }
        MPI_Finalize();
        return 2;
    }
    long max = 0;
    for (int a = 1; a < argc; a++) {
        long s = atol(argv[a]);
        if (s < 0) {
            if (rank == 0) {
                fprintf(stderr, "size '%s' is invalid: expected a byte count >= 0\n", argv[a]);
            }
            MPI_Finalize();
            return 2;
        }
        max = s > max ? s : max;
    }
    char *buf = malloc(max > 0 ? max : 1);
    memset(buf, 1, max > 0 ? max : 1);
    for (int a = 1; a < argc && rank < 2; a++) {
        int n = (int) atol(argv[a]);
        int timed = iterations_at(n);
        int warmup = timed / 5;
        double *rtt = malloc(sizeof(double) * timed);
        int peer = 1 - rank;
        for (int i = -warmup; i < timed; i++) {
            double start = MPI_Wtime();
            if (rank == 0) {
                MPI_Send(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD);
                MPI_Recv(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            } else {
                MPI_Recv(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Send(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD);
            }
            if (i >= 0) {
                rtt[i] = MPI_Wtime() - start;
            }
        }
        qsort(rtt, timed, sizeof(double), by_value);
        double median = timed % 2 ? rtt[timed / 2] : (rtt[timed / 2 - 1] + rtt[timed / 2]) / 2;
        if (rank == 0) {
            printf("%d %.3f %.1f\n", n, median / 2 * 1e6, 2.0 * n / median / (1 << 20));
        }
        free(rtt);
    }
    free(buf);
    MPI_Finalize();
    return 0;
}
