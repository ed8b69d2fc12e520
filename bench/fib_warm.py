#!/usr/bin/env python3
"""One core, warm: the time gmpy2 takes for a batch of inputs, the reference for Ranks' in-job compute
(bench/FibWarm.java). Prints two medians of RUNS rounds, after a second of warm-up (five rounds at least): gmpy2.fib alone,
and gmpy2.fib with the decimal summary bench/fib_mpi4py.py prints (digit count, first and last digits).

Usage: python3 bench/fib_warm.py INPUTS_FILE [RUNS]
"""
import statistics
import sys
import time

import gmpy2

from fib_mpi4py import summary


def median_ms(inputs, work, runs):
    # the same warm-up as bench/FibWarm.java's: five rounds, and a second at least
    warm_until = time.perf_counter() + 1
    rounds = 0
    while rounds < 5 or time.perf_counter() < warm_until:
        for n in inputs:
            work(n)
        rounds += 1
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for n in inputs:
            work(n)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main():
    with open(sys.argv[1]) as f:
        inputs = [int(t) for t in f.read().split()]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    print("gmpy2-fib %.2f" % median_ms(inputs, gmpy2.fib, runs))
    print("gmpy2-fib+summary %.2f" % median_ms(inputs, lambda n: summary(gmpy2.fib(n)), runs))


if __name__ == "__main__":
    main()
