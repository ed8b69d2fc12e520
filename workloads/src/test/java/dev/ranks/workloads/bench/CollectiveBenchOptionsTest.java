package dev.ranks.workloads.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ranks.collectives.Op;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.bench.CollectiveBench.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CollectiveBenchOptionsTest {
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "BARRIER", mode = EnumSource.Mode.EXCLUDE)
    void defaultSizesDoubleFromEightBytesToOneMiB(Kind kind) {
        List<Integer> sizes = CollectiveBenchOptions.defaults(kind).sizes();

        assertEquals(18, sizes.size());
        assertEquals(8, sizes.get(0));
        assertEquals(16, sizes.get(1));
        assertEquals(1 << 20, sizes.get(17));
    }

    @Test
    void aBarrierMeasuresTheOneSizeZero() {
        assertEquals(List.of(0), CollectiveBenchOptions.defaults(Kind.BARRIER).sizes());
        assertEquals(0, CollectiveBenchOptions.defaults(Kind.BARRIER).heapBytes(4));
    }

    @Test
    void sizesDoubleFromTheMinimumWhileAtMostTheMaximum() {
        assertEquals(List.of(3, 6, 12, 24), new CollectiveBenchOptions(Kind.BCAST, 3, 40, 1, 0, null).sizes());
        assertEquals(List.of(8 << 20), new CollectiveBenchOptions(Kind.ALLREDUCE, 8 << 20, 8 << 20, 1, 0, Op.SUM).sizes());
    }

    /** As the OSU collective benchmarks: sizes above 8 KiB run a tenth of the calls, rounded up. */
    @ParameterizedTest
    @CsvSource({
        "8, 1000, 100",
        "8192, 1000, 100",
        "16384, 100, 10",
        "1048576, 100, 10"})
    void largeSizesRunATenth(int size, int iterations, int warmup) {
        CollectiveBenchOptions options = CollectiveBenchOptions.defaults(Kind.ALLGATHER);

        assertEquals(iterations, options.iterationsAt(size));
        assertEquals(warmup, options.warmupAt(size));
    }

    @Test
    void aTenthIsRoundedUpSoThatEverySizeIsTimed() {
        CollectiveBenchOptions options = new CollectiveBenchOptions(Kind.BCAST, 8, 1 << 20, 3, 0, null);

        assertEquals(1, options.iterationsAt(1 << 20));
        assertEquals(0, options.warmupAt(1 << 20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BCAST     | 0 | 16 | 10 | 1 | SUM  | min size 0 is invalid: expected at least 1 byte",
        "ALLREDUCE | 4 | 16 | 10 | 1 | SUM  | min size 4 is invalid for allreduce, which reduces doubles: expected a "
            + "multiple of 8 bytes",
        "ALLTOALL  | 8 | 4  | 10 | 1 | SUM  | max size 4 is invalid: expected from the min size 8 to 1073741824 bytes",
        "ALLGATHER | 1 | 2147483647 | 10 | 1 | SUM | max size 2147483647 is invalid: expected from the min size 1 to "
            + "1073741824 bytes",
        "BCAST     | 1 | 16 | 0  | 1 | SUM  | iterations 0 is invalid: expected at least 1",
        "BCAST     | 1 | 16 | 10 | -1 | SUM | warm-up iterations -1 is invalid: expected at least 0",
        "ALLREDUCE | 8 | 16 | 10 | 1 | BAND | op BAND is invalid for allreduce, which reduces doubles: expected one of "
            + "[SUM, PROD, MAX, MIN]",
        "ALLREDUCE | 8 | 16 | 10 | 1 |      | op null is invalid for allreduce, which reduces doubles: expected one of "
            + "[SUM, PROD, MAX, MIN]"})
    void badValuesAreNamed(Kind kind, int minSize, int maxSize, int iterations, int warmup, String op, String message) {
        Op chosen = op == null ? null : Op.named(op);

        RanksException e = assertThrows(RanksException.class,
                () -> new CollectiveBenchOptions(kind, minSize, maxSize, iterations, warmup, chosen));

        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ALLTOALL, 134217728, 8", "ALLGATHER, 67108864, 16"})
    void buffersOfSizeTimesRanksMustFit(Kind kind, int maxSize, int ranks) {
        CollectiveBenchOptions options = new CollectiveBenchOptions(kind, 1, maxSize, 1, 0, null);
        options.checkRanks(ranks);

        RanksException e = assertThrows(RanksException.class, () -> options.checkRanks(ranks + 1));

        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals("max size " + maxSize + " is invalid for " + kind.label() + " on " + (ranks + 1)
                + " ranks: each rank would need a buffer of " + (long) maxSize * (ranks + 1)
                + " bytes (size x ranks); expected at most 1073741824", e.getMessage());
    }

    @Test
    void bcastAndAllreduceBuffersDoNotGrowWithTheRanks() {
        new CollectiveBenchOptions(Kind.BCAST, 1, 1 << 30, 1, 0, null).checkRanks(64);
        new CollectiveBenchOptions(Kind.ALLREDUCE, 8, 1 << 30, 1, 0, Op.SUM).checkRanks(64);
    }
}
