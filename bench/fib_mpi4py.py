#!/usr/bin/env python3
"""The reference `launcher fib` is compared with (bin/bench-compare-fib): the books' Fibonacci job with
mpi4py and gmpy2. Rank 0 reads the inputs, deals the distinct ones out round robin, every rank computes
F(n) with gmpy2.fib (GMP's mpz_fib_ui) and summarises it in decimal, and rank 0 gathers the results and
prints them in input order, as `launcher fib` does: n, digit count, rank, CPU ms, first and last 10
digits; then one line per rank and a summary.

The decimal summary is exact and never writes the whole number out (which would cost more than F(n)
itself), the way Ranks' DecimalSummary works: the top 128 bits times 2^shift bracket F(n); the digit
count and first digits are read off both ends of the bracket, with outward rounding, and only where
the two ends disagree (F(n) within 2^-127 of a change of digit) is the whole number written out.

Usage: mpirun -np 9 python3 bench/fib_mpi4py.py [--json] [--inputs FILE] [N...]
"""
import json
import resource
import sys
import time

import gmpy2

SHOWN = 10
TOP_BITS = 128


def usage(message):
    print("fib_mpi4py: " + message, file=sys.stderr)
    sys.exit(2)


def read_inputs(argv):
    as_json, tokens, i = False, [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--json":
            as_json = True
        elif arg == "--inputs":
            if i + 1 == len(argv):
                usage("--inputs needs a FILE")
            with open(argv[i + 1]) as f:
                for line in f:
                    tokens.extend(line.split("#", 1)[0].replace(",", " ").split())
            i += 1
        else:
            tokens.append(arg)
        i += 1
    inputs = []
    for token in tokens:
        if not token.isdigit():
            usage("input '%s' is not a non-negative integer" % token)
        inputs.append(int(token))
    if not inputs:
        usage("no inputs: expected N... or --inputs FILE")
    return as_json, inputs


def summary(f):
    """Digit count and first and last SHOWN digits of f >= 0, exactly."""
    bits = f.bit_length()
    if bits <= TOP_BITS:
        s = f.digits()
        kept = min(SHOWN, len(s))
        return len(s), s[:kept], s[len(s) - kept:]
    shift = bits - TOP_BITS
    top = f >> shift
    low = bracket(top, shift, gmpy2.RoundDown)
    high = bracket(top + 1, shift, gmpy2.RoundUp)
    if low is None or low != high:
        s = f.digits()
        return len(s), s[:SHOWN], s[-SHOWN:]
    digits, first = low
    last = (f % 10 ** SHOWN).digits()
    return digits, first, "0" * (SHOWN - len(last)) + last


def bracket(top, shift, rounding):
    """(digit count, first digits) of top * 2^shift, every step rounded in one direction."""
    with gmpy2.local_context(gmpy2.context(), precision=256, round=rounding):
        value = gmpy2.mul_2exp(gmpy2.mpfr(top), shift)  # exact: 128 bits, times a power of two
        digits = int(gmpy2.floor(gmpy2.log10(value))) + 1
        # value / 10^(digits - SHOWN), its divisor rounded the other way to keep the bound
        other = gmpy2.RoundUp if rounding == gmpy2.RoundDown else gmpy2.RoundDown
        with gmpy2.local_context(gmpy2.context(), precision=256, round=other):
            divisor = gmpy2.mpfr(10) ** (digits - SHOWN)
        first = int(gmpy2.floor(value / divisor))
    if not 10 ** (SHOWN - 1) <= first < 10 ** SHOWN:
        return None
    return digits, str(first)


def cpu_ms():
    return time.thread_time() * 1e3


def main():
    # Imported here, so that bench/fib_warm.py can use summary() without starting MPI.
    from mpi4py import MPI
    comm = MPI.COMM_WORLD
    rank, size = comm.Get_rank(), comm.Get_size()
    as_json, inputs = read_inputs(sys.argv[1:])
    start = MPI.Wtime()
    distinct = list(dict.fromkeys(inputs))
    mine = comm.scatter([distinct[r::size] for r in range(size)] if rank == 0 else None, root=0)
    results, busy = [], cpu_ms()
    for n in mine:
        before = cpu_ms()
        digits, first, last = summary(gmpy2.fib(n))
        results.append((n, digits, first, last, rank, cpu_ms() - before))
    busy = cpu_ms() - busy
    # ru_maxrss is in KiB on Linux: each rank's own peak, summed on rank 0 (a process tree's peak is
    # no single process's, and /usr/bin/time reports the largest single one).
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gathered = comm.gather((rank, len(mine), busy, peak_kib, results), root=0)
    if rank != 0:
        return
    wall = (MPI.Wtime() - start) * 1e3
    by_n = {r[0]: r for _, _, _, _, rs in gathered for r in rs}
    busies = [g[2] for g in gathered]
    mean = sum(busies) / len(busies)
    imbalance = max(busies) / mean if mean > 0 else 1
    rss_mib = sum(g[3] for g in gathered) / 1024
    out = []
    if as_json:
        for n in inputs:
            _, digits, first, last, r, ms = by_n[n]
            out.append('{"n":%d,"digits":%d,"first":"%s","last":"%s","rank":%d,"ms":%.3f}'
                       % (n, digits, first, last, r, ms))
        out.append(json.dumps({"summary": {"inputs": len(inputs), "distinct": len(distinct), "ranks": size,
                                           "wall_ms": round(wall, 3), "imbalance": round(imbalance, 3),
                                           "busy_ms": [round(b, 3) for b in busies],
                                           "arith": "gmpy2 " + gmpy2.version(),
                                           "ranks_peak_rss_mib": round(rss_mib, 1)}},
                              separators=(",", ":")))
    else:
        n_w = max(len(str(n)) for n in inputs)
        d_w = max(len("digits"), max(len(str(by_n[n][1])) for n in inputs))
        row = "%" + str(n_w) + "s  %" + str(d_w) + "s  %4s  %9s  %s"
        out.append(row % ("n", "digits", "rank", "ms", "value"))
        for n in inputs:
            _, digits, first, last, r, ms = by_n[n]
            if digits <= SHOWN:
                value = first
            elif digits <= 2 * SHOWN:
                value = first + last[2 * SHOWN - digits:]
            else:
                value = first + "\u2026" + last
            out.append(row % (n, digits, r, "%.3f" % ms, value))
        for r, count, b, _, _ in gathered:
            out.append("rank %d: %d inputs, busy %.1f ms" % (r, count, b))
        out.append("fib (mpi4py + gmpy2 %s): %d inputs (%d distinct) on %d ranks, wall %.1f ms, busy max %.1f ms,"
                   " mean %.1f ms, imbalance %.2f (max/mean busy), ranks' peak RSS sum %.1f MiB"
                   % (gmpy2.version(), len(inputs), len(distinct), size, wall, max(busies), mean, imbalance,
                      rss_mib))
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
