package dev.ranks.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DimsTest {

    @ParameterizedTest(name = "create({0}, {1}) = {2}")
    @CsvSource(delimiter = ';', value = {
        "6; 2; 3 2",
        "7; 2; 7 1",
        "9; 2; 3 3",
        "12; 3; 3 2 2",
        "16; 2; 4 4",
        "1; 3; 1 1 1",
        "1; 1; 1",
        "13; 1; 13",
        "72; 2; 9 8",
        "30; 3; 5 3 2",
        "64; 3; 4 4 4",
        "24; 4; 3 2 2 2",
    })
    void documentedExamples(int nnodes, int ndims, String expected) {
        assertArrayEquals(parse(expected), Dims.create(nnodes, ndims));
    }

    @ParameterizedTest(name = "create({0}, [{1}]) = [{2}]")
    @CsvSource(delimiter = ';', value = {
        "12; 0 3 0; 2 3 2",
        "12; 3 0 0; 3 2 2",
        "12; 0 0 4; 3 1 4",
        "24; 0 1 0; 6 1 4",
        "7; 7 0; 7 1",
        "8; 2 2 2; 2 2 2",
        "36; 0 2 0 3; 3 2 2 3",
    })
    void keepsFixedEntriesInPlace(int nnodes, String dims, String expected) {
        assertArrayEquals(parse(expected), Dims.create(nnodes, parse(dims)));
    }

    @Test
    void leavesItsArgumentUnchanged() {
        int[] dims = {0, 3, 0};
        Dims.create(12, dims);
        assertArrayEquals(new int[] {0, 3, 0}, dims);
    }

    static Stream<Arguments> smallCases() {
        return IntStream.rangeClosed(1, 64).boxed()
                .flatMap(n -> IntStream.rangeClosed(1, 4).mapToObj(d -> Arguments.of(n, d)));
    }

    @ParameterizedTest(name = "create({0}, {1}) is balanced")
    @MethodSource("smallCases")
    void isAsBalancedAsAnyFactorization(int nnodes, int ndims) {
        int[] dims = Dims.create(nnodes, ndims);

        assertEquals(ndims, dims.length);
        assertEquals(nnodes, Arrays.stream(dims).reduce(1, (a, b) -> a * b), "product of " + Arrays.toString(dims));
        for (int i = 1; i < dims.length; i++) {
            assertTrue(dims[i - 1] >= dims[i], "not non-increasing: " + Arrays.toString(dims));
        }
        int spread = dims[0] - dims[dims.length - 1];
        assertEquals(smallestSpread(nnodes, ndims), spread,
                Arrays.toString(dims) + " is not the most balanced shape for " + nnodes + " ranks");
    }

    @ParameterizedTest(name = "create({0}, [{1}]) is balanced")
    @CsvSource(delimiter = ';', value = {"60; 0 5 0 0", "48; 2 0 0 0", "64; 0 0 4", "30; 0 0 1 0"})
    void balancesTheFreeEntriesOnly(int nnodes, String fixed) {
        int[] dims = parse(fixed);
        int[] result = Dims.create(nnodes, dims);

        int rest = nnodes;
        int free = 0;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > 0) {
                assertEquals(dims[i], result[i], "fixed entry " + i + " moved in " + Arrays.toString(result));
                rest /= dims[i];
            } else {
                free++;
            }
        }
        int[] filled = IntStream.range(0, dims.length).filter(i -> dims[i] == 0).map(i -> result[i]).toArray();
        assertArrayEquals(Dims.create(rest, free), filled);
    }

    @Test
    @Timeout(10)
    void largeInputsFinishQuickly() {
        assertArrayEquals(new int[] {1 << 10, 1 << 10, 1 << 10}, Dims.create(1 << 30, 3));
        assertEquals(Integer.MAX_VALUE, Dims.create(Integer.MAX_VALUE, 2)[0]);
        int[] many = Dims.create(1 << 30, 40);
        assertEquals(2, many[0]);
        assertEquals(1, many[39]);
        int highlyComposite = 735_134_400;
        for (int ndims = 1; ndims <= 8; ndims++) {
            int[] dims = Dims.create(highlyComposite, ndims);
            assertEquals(highlyComposite, Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b));
        }
    }

    @Test
    void rejectsNnodesBelowOne() {
        RanksException e = assertThrows(RanksException.class, () -> Dims.create(0, 2));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("nnodes 0"), e.getMessage());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> Dims.create(-4, new int[] {0})).errorClass());
    }

    @Test
    void rejectsNdimsBelowOne() {
        RanksException e = assertThrows(RanksException.class, () -> Dims.create(4, 0));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("ndims 0"), e.getMessage());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> Dims.create(4, new int[0])).errorClass());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> Dims.create(4, (int[]) null)).errorClass());
    }

    @Test
    void rejectsNegativeEntries() {
        RanksException e = assertThrows(RanksException.class, () -> Dims.create(4, new int[] {0, -2}));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("dims[1] = -2"), e.getMessage());
    }

    @Test
    void rejectsFixedEntriesThatDoNotDivideNnodes() {
        RanksException e = assertThrows(RanksException.class, () -> Dims.create(10, new int[] {0, 3}));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("nnodes 10") && e.getMessage().contains("3"), e.getMessage());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class,
                () -> Dims.create(6, new int[] {1 << 20, 1 << 20, 0})).errorClass());
    }

    @Test
    void rejectsFullyFixedShapeOfAnotherSize() {
        RanksException e = assertThrows(RanksException.class, () -> Dims.create(8, new int[] {2, 2}));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("multiply to 4"), e.getMessage());
    }

    /** The smallest max - min over every ordered tuple of {@code ndims} positive integers multiplying to {@code n}. */
    private static int smallestSpread(int n, int ndims) {
        return smallestSpread(n, ndims, Integer.MAX_VALUE, 0);
    }

    private static int smallestSpread(int remaining, int slots, int min, int max) {
        if (slots == 0) {
            return remaining == 1 ? max - min : Integer.MAX_VALUE;
        }
        int best = Integer.MAX_VALUE;
        for (int f = 1; f <= remaining; f++) {
            if (remaining % f == 0) {
                best = Math.min(best, smallestSpread(remaining / f, slots - 1, Math.min(min, f), Math.max(max, f)));
            }
        }
        return best;
    }

    private static int[] parse(String values) {
        return Arrays.stream(values.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
