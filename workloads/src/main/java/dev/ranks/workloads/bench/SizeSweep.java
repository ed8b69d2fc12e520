package dev.ranks.workloads.bench;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every OSU-style benchmark's options share: message sizes doubling from a minimum to a
 * maximum, and iteration counts, each checked with an error that names the bad value.
 */
final class SizeSweep {
    private SizeSweep() {
    }

    static void checkMinSize(int minSize) {
        if (minSize < 1) {
            throw invalid("min size " + minSize + " is invalid: expected at least 1 byte");
        }
    }

    static void checkRest(int minSize, int maxSize, int maxAllowed, int iterations, int warmup) {
        if (maxSize < minSize || maxSize > maxAllowed) {
            throw invalid("max size " + maxSize + " is invalid: expected from the min size " + minSize + " to "
                    + maxAllowed + " bytes");
        }
        if (iterations < 1) {
            throw invalid("iterations " + iterations + " is invalid: expected at least 1");
        }
        if (warmup < 0) {
            throw invalid("warm-up iterations " + warmup + " is invalid: expected at least 0");
        }
    }

    /** @return the sizes from {@code minSize} doubling while at most {@code maxSize} */
    static List<Integer> sizes(int minSize, int maxSize) {
        List<Integer> sizes = new ArrayList<>();
        for (long size = minSize; size <= maxSize; size *= 2) {
            sizes.add((int) size);
        }
        return sizes;
    }

    static RanksException invalid(String message) {
        return new RanksException(ErrorClass.ARG, message);
    }
}
