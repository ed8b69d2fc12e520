package dev.ranks.topology;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Balanced grid shapes for a number of ranks (MPI_Dims_create).
 *
 * <p>{@link #create(int, int[])} fills the zero entries of {@code dims} so that the product of all
 * entries is {@code nnodes}; the filled entries are as close to each other as possible (the
 * smallest difference between the largest and the smallest of them) and appear in non-increasing
 * order. Positive entries are fixed and kept where they are. Unlike MPI, the argument is not
 * changed: the result is a new array.
 *
 * <p>Examples:
 * <pre>
 * Dims.create(6, 2)                    → [3, 2]
 * Dims.create(7, 2)                    → [7, 1]
 * Dims.create(9, 2)                    → [3, 3]
 * Dims.create(12, 3)                   → [3, 2, 2]
 * Dims.create(16, 2)                   → [4, 4]
 * Dims.create(1, 3)                    → [1, 1, 1]
 * Dims.create(12, new int[]{0, 3, 0})  → [2, 3, 2]
 * </pre>
 *
 * <p>The search is exact, not the greedy prime-by-prime split some MPI libraries use, which gives
 * {@code [12, 6]} for 72 ranks in 2 dimensions where {@code [9, 8]} exists. Among shapes equally
 * close, the lexicographically smallest wins, which is the one with the smallest largest entry first.
 */
public final class Dims {
    private Dims() {
    }

    /**
     * Chooses a balanced shape of {@code ndims} dimensions for {@code nnodes} ranks
     * (MPI_Dims_create with every entry of {@code dims} zero).
     *
     * @param nnodes the number of ranks, at least 1
     * @param ndims the number of dimensions, at least 1
     * @return the extent of each dimension, non-increasing, multiplying to {@code nnodes}
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code nnodes} or {@code ndims} is below 1
     */
    public static int[] create(int nnodes, int ndims) {
        if (ndims < 1) {
            throw new RanksException(ErrorClass.ARG, "ndims " + ndims + " is invalid: expected at least 1 dimension");
        }
        return create(nnodes, new int[ndims]);
    }

    /**
     * Fills the zero entries of a shape so that it holds {@code nnodes} ranks (MPI_Dims_create).
     *
     * @param nnodes the number of ranks, at least 1
     * @param dims one entry per dimension: 0 to be chosen, or a positive extent to keep; not changed
     * @return a new array: the positive entries of {@code dims} in place, the zero entries filled with
     *     extents as close to each other as possible, in non-increasing order; the product of all
     *     entries is {@code nnodes}
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code nnodes} is below 1, {@code dims} is
     *     null or empty or has a negative entry, or {@code nnodes} is not a multiple of the product of
     *     the positive entries (or differs from it when no entry is zero)
     */
    public static int[] create(int nnodes, int[] dims) {
        int free = check(nnodes, dims);
        int[] filled = balanced((int) (nnodes / fixedProduct(dims)), free);
        int[] result = dims.clone();
        int next = 0;
        for (int i = 0; i < result.length; i++) {
            if (result[i] == 0) {
                result[i] = filled[next++];
            }
        }
        return result;
    }

    /** Checks the arguments and returns the number of free (zero) entries. */
    private static int check(int nnodes, int[] dims) {
        if (nnodes < 1) {
            throw new RanksException(ErrorClass.ARG, "nnodes " + nnodes + " is invalid: expected at least 1 rank");
        }
        if (dims == null || dims.length == 0) {
            throw new RanksException(ErrorClass.ARG, "dims " + Arrays.toString(dims)
                    + " is invalid: expected an array of at least 1 dimension");
        }
        int free = 0;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new RanksException(ErrorClass.ARG, "dims[" + i + "] = " + dims[i]
                        + " is negative: expected 0 (to be chosen) or a positive extent");
            }
            if (dims[i] == 0) {
                free++;
            }
        }
        long fixed = fixedProduct(dims);
        if (nnodes % fixed != 0) {
            String product = fixed > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : Long.toString(fixed);
            throw new RanksException(ErrorClass.ARG, "nnodes " + nnodes + " is not a multiple of the product of the"
                    + " fixed entries of " + Arrays.toString(dims) + " (" + product + ")"
                    + ": expected fixed entries whose product divides nnodes");
        }
        if (free == 0 && fixed != nnodes) {
            throw new RanksException(ErrorClass.ARG, "dims " + Arrays.toString(dims) + " multiply to " + fixed
                    + ": expected a product of nnodes " + nnodes + " when no entry is 0");
        }
        return free;
    }

    /** The product of the positive entries, capped just above {@link Integer#MAX_VALUE}. */
    private static long fixedProduct(int[] dims) {
        long product = 1;
        for (int d : dims) {
            if (d > 0) {
                product = Math.min(product * d, (long) Integer.MAX_VALUE + 1);
            }
        }
        return product;
    }

    /**
     * The best non-increasing {@code k} factors of {@code n}: an exhaustive branch-and-bound search
     * over the divisors of {@code n}, factors chosen largest first.
     */
    private static int[] balanced(int n, int k) {
        Search search = new Search(n, k);
        search.extend(0, n, n);
        return search.best;
    }

    /** The state of one search: the factors chosen so far and the best complete shape found. */
    private static final class Search {
        private final int[] divisors;
        private final int[] current;
        private int[] best;

        Search(int n, int k) {
            this.divisors = divisorsAscending(n);
            this.current = new int[k];
        }

        /**
         * Chooses {@code current[index]} and the entries after it, each at most {@code limit},
         * multiplying to {@code remaining}.
         */
        void extend(int index, int remaining, int limit) {
            int slots = current.length - index;
            if (remaining == 1) {
                Arrays.fill(current, index, current.length, 1);
                offer();
                return;
            }
            if (slots == 1) {
                if (remaining <= limit) {
                    current[index] = remaining;
                    offer();
                }
                return;
            }
            if (index == 0) {
                chooseLargest(remaining, slots);
            } else {
                chooseNext(index, remaining, limit, slots);
            }
        }

        /**
         * Tries the largest entry from the smallest possible upwards, so that the first shape found
         * is already close; every spread bound below grows with the largest entry, so the first one
         * that cannot win ends the search.
         */
        private void chooseLargest(int n, int slots) {
            int lowest = ceilRoot(n, slots);
            for (int f : divisors) {
                if (f < lowest) {
                    continue;
                }
                if (best != null) {
                    int bound = f - floorRoot(n / f, slots - 1);
                    int bestSpread = spread(best);
                    if (bound > bestSpread || (bound == bestSpread && f > best[0])) {
                        return;
                    }
                }
                current[0] = f;
                extend(1, n / f, f);
            }
        }

        /**
         * Tries the next entry from the largest allowed downwards; the smallest entry of the shape
         * is at most this one, so once it is too small against the largest, all after it are too.
         */
        private void chooseNext(int index, int remaining, int limit, int slots) {
            int lowest = ceilRoot(remaining, slots);
            for (int i = divisors.length - 1; i >= 0 && divisors[i] >= lowest; i--) {
                int f = divisors[i];
                if (f > limit || remaining % f != 0) {
                    continue;
                }
                if (best != null) {
                    int bestSpread = spread(best);
                    if (current[0] - f > bestSpread) {
                        return;
                    }
                    if (current[0] - floorRoot(remaining / f, slots - 1) > bestSpread) {
                        continue;
                    }
                }
                current[index] = f;
                extend(index + 1, remaining / f, f);
            }
        }

        private void offer() {
            if (best == null || better(current, best)) {
                best = current.clone();
            }
        }

        private static boolean better(int[] candidate, int[] incumbent) {
            if (spread(candidate) != spread(incumbent)) {
                return spread(candidate) < spread(incumbent);
            }
            return Arrays.compare(candidate, incumbent) < 0;
        }

        private static int spread(int[] nonIncreasing) {
            return nonIncreasing[0] - nonIncreasing[nonIncreasing.length - 1];
        }
    }

    private static int[] divisorsAscending(int n) {
        List<Integer> small = new ArrayList<>();
        List<Integer> large = new ArrayList<>();
        for (int d = 1; (long) d * d <= n; d++) {
            if (n % d == 0) {
                small.add(d);
                if (d != n / d) {
                    large.add(n / d);
                }
            }
        }
        int[] result = new int[small.size() + large.size()];
        int i = 0;
        for (int d : small) {
            result[i++] = d;
        }
        for (int j = large.size() - 1; j >= 0; j--) {
            result[i++] = large.get(j);
        }
        return result;
    }

    /** The smallest {@code r} with {@code r^exponent >= n}, for {@code n >= 1}. */
    private static int ceilRoot(int n, int exponent) {
        int r = floorRoot(n, exponent);
        return powerReaches(r, exponent, n) ? r : r + 1;
    }

    /** Whether {@code base^exponent >= target}, for {@code base >= 1}, without overflow. */
    private static boolean powerReaches(int base, int exponent, long target) {
        if (base == 1) {
            return target <= 1;
        }
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= base;
            if (power >= target) {
                return true;
            }
        }
        return false;
    }

    /** The largest {@code r} with {@code r^exponent <= n}, for {@code n >= 1}. */
    private static int floorRoot(int n, int exponent) {
        int r = (int) Math.floor(Math.pow(n, 1.0 / exponent));
        while (r > 1 && !powerAtMost(r, exponent, n)) {
            r--;
        }
        while (powerAtMost(r + 1, exponent, n)) {
            r++;
        }
        return Math.max(r, 1);
    }

    private static boolean powerAtMost(int base, int exponent, int n) {
        return !powerReaches(base, exponent, (long) n + 1);
    }
}
