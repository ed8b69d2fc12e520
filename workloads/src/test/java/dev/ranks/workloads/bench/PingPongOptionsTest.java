package dev.ranks.workloads.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PingPongOptionsTest {
    @Test
    void defaultSizesDoubleFromOneByteTo16MiB() {
        List<Integer> sizes = PingPongOptions.defaults().sizes();

        assertEquals(25, sizes.size());
        assertEquals(1, sizes.get(0));
        assertEquals(2, sizes.get(1));
        assertEquals(16 << 20, sizes.get(24));
    }

    @Test
    void sizesDoubleFromTheMinimumWhileAtMostTheMaximum() {
        assertEquals(List.of(3, 6, 12, 24), new PingPongOptions(3, 40, 1, 0).sizes());
        assertEquals(List.of(64), new PingPongOptions(64, 64, 1, 0).sizes());
    }

    @Test
    void theLargestSizeAllowedDoesNotOverflow() {
        List<Integer> sizes = new PingPongOptions(1 << 29, PingPongOptions.MAX_SIZE, 1, 0).sizes();

        assertEquals(List.of(1 << 29, 1 << 30), sizes);
    }

    /** Small sizes get every iteration; large ones fewer, in proportion, but at least the floor. */
    @ParameterizedTest
    @CsvSource({
        "1, 10000, 100",
        "8192, 10000, 100",
        "16384, 5000, 50",
        "65536, 1250, 12",
        "1048576, 78, 2",
        "16777216, 50, 2"})
    void largeSizesRunFewerIterations(int size, int iterations, int warmup) {
        PingPongOptions options = new PingPongOptions(1, 16 << 20, 10_000, 100);

        assertEquals(iterations, options.iterationsAt(size));
        assertEquals(warmup, options.warmupAt(size));
    }

    @Test
    void neverMoreIterationsThanAskedFor() {
        PingPongOptions options = new PingPongOptions(1, 16 << 20, 10, 0);

        assertEquals(10, options.iterationsAt(16 << 20));
        assertEquals(0, options.warmupAt(16 << 20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 16 | 10 | 1 | min size 0 is invalid: expected at least 1 byte",
        "8 | 4 | 10 | 1 | max size 4 is invalid: expected from the min size 8 to 1073741824 bytes",
        "1 | 2147483647 | 10 | 1 | max size 2147483647 is invalid: expected from the min size 1 to 1073741824 bytes",
        "1 | 16 | 0 | 1 | iterations 0 is invalid: expected at least 1",
        "1 | 16 | 10 | -1 | warm-up iterations -1 is invalid: expected at least 0"})
    void badValuesAreNamed(int minSize, int maxSize, int iterations, int warmup, String message) {
        RanksException e = assertThrows(RanksException.class,
                () -> new PingPongOptions(minSize, maxSize, iterations, warmup));

        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals(message, e.getMessage());
    }
}
