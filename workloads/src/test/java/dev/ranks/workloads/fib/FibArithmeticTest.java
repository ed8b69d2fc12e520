package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GMP and BigInteger compute the same F(n), digit for digit, and {@code --arith}'s choice falls back
 * to BigInteger, saying why, where GMP does not load. bin/test installs libgmp10, so GMP must load
 * here: a test that skipped without it would let the GMP path go untested.
 */
class FibArithmeticTest {
    private static GmpArithmetic gmp() {
        return GmpArithmetic.load().orElseThrow(() -> new AssertionError("GMP does not load: "
                + GmpArithmetic.problem()));
    }

    @ParameterizedTest
    // the edges of one 64-bit word (93, 94) and of the 128 top bits the summary keeps (185, 186), a
    // power of two, and sizes where GMP's multiplication is Karatsuba, Toom and FFT
    @ValueSource(ints = {0, 1, 2, 3, 10, 92, 93, 94, 95, 184, 185, 186, 187, 1000, 4096, 10_007, 100_000, 999_999,
        1_000_000})
    void gmpAndBigIntegerAgreeExactly(int n) {
        GmpArithmetic gmp = gmp();
        JavaArithmetic java = JavaArithmetic.INSTANCE;

        assertEquals(java.value(n), gmp.value(n), () -> "F(" + n + ")");
        assertEquals(java.decimal(n), gmp.decimal(n), () -> "F(" + n + ") in decimal");
        for (int count : new int[] {1, 10, 18}) {
            assertEquals(java.summary(n, count), gmp.summary(n, count), () -> "F(" + n + ") summary");
        }
        assertEquals(DecimalSummary.of(java.decimal(n), 10), gmp.summary(n, 10), () -> "F(" + n + ") summary");
    }

    @Test
    void largeInputsAgreeWithTheirKnownDigits() {
        // F(10^7): digit count and first and last digits from gmpy2 (str(gmpy2.fib(10**7)))
        DecimalSummary expected = new DecimalSummary(2_089_877, "1129834378", "6380546875");

        assertEquals(expected, gmp().summary(10_000_000, 10));
        assertEquals(expected, JavaArithmetic.INSTANCE.summary(10_000_000, 10));
        assertEquals(JavaArithmetic.INSTANCE.value(3_000_001), gmp().value(3_000_001));
    }

    @Test
    void knownSmallValues() {
        GmpArithmetic gmp = gmp();

        assertEquals("0", gmp.decimal(0));
        assertEquals("1", gmp.decimal(1));
        assertEquals("1", gmp.decimal(2));
        assertEquals("12200160415121876738", gmp.decimal(93));
        assertEquals("19740274219868223167", gmp.decimal(94));
        assertEquals(new DecimalSummary(20, "1974027421", "9868223167"), gmp.summary(94, 10));
        assertTrue(gmp.version().matches("\\d+\\.\\d+.*"), gmp::version);
    }

    @Test
    void autoPicksGmpWhereItLoads() {
        assertSame(gmp(), FibArithmetic.choose("auto"));
        assertSame(gmp(), FibArithmetic.choose("gmp"));
        assertSame(JavaArithmetic.INSTANCE, FibArithmetic.choose("java"));
        assertEquals("gmp", FibArithmetic.choose("auto").name());
        assertNull(GmpArithmetic.problem());
    }

    @Test
    void withoutGmpAutoFallsBackToBigIntegerAndGmpIsAUsageError() {
        String problem = withLibrary("libranks-no-such-gmp.so.10", () -> {
            assertSame(JavaArithmetic.INSTANCE, FibArithmetic.choose("auto"));
            assertTrue(GmpArithmetic.load().isEmpty());
            RanksException e = assertThrows(RanksException.class, () -> FibArithmetic.choose("gmp"));
            assertEquals(ErrorClass.USAGE, e.errorClass());
            assertTrue(e.getMessage().startsWith("--arith gmp: GMP is unavailable (libranks-no-such-gmp.so.10"),
                    e::getMessage);
            assertTrue(e.getMessage().contains("install libgmp10"), e::getMessage);
            return GmpArithmetic.problem();
        });

        assertNotNull(problem);
        assertTrue(problem.startsWith("libranks-no-such-gmp.so.10 does not load: "), problem);
        assertTrue(!problem.contains("\n"), problem);
        // and with the property gone, GMP is back
        assertSame(gmp(), FibArithmetic.choose("auto"));
    }

    @Test
    void aLibraryThatIsNotGmpIsNoGmp() {
        // libc loads but has no __gmpz_ functions
        String problem = withLibrary("libc.so.6", GmpArithmetic::problem);

        assertNotNull(problem);
        assertTrue(problem.startsWith("libc.so.6 does not load: "), problem);
    }

    @Test
    void anUnknownChoiceIsAUsageErrorNamingIt() {
        RanksException e = assertThrows(RanksException.class, () -> FibArithmetic.choose("fast"));

        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertEquals("--arith 'fast' is invalid: expected auto, gmp or java", e.getMessage());
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> gmp().summary(-1, 10)).errorClass());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> gmp().summary(10, 0)).errorClass());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> gmp().summary(10, 19)).errorClass());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class, () -> gmp().decimal(-5)).errorClass());
    }

    @Test
    void gmpFreesItsNumbers() throws IOException {
        GmpArithmetic gmp = gmp();
        int n = 20_000_000; // F(n) takes 1.7 MB, and computing it several times that
        gmp.summary(n, 10);
        long before = residentKib();
        for (int i = 0; i < 40; i++) {
            gmp.summary(n, 10);
            gmp.value(1000);
        }
        long grown = residentKib() - before;

        // 40 values of F(2*10^7) left behind would be 68 MB
        assertTrue(grown < 30_000, () -> "resident memory grew by " + grown + " KiB over 40 computations");
    }

    private static <T> T withLibrary(String library, Supplier<T> body) {
        String saved = System.getProperty(GmpArithmetic.LIBRARY_PROPERTY);
        System.setProperty(GmpArithmetic.LIBRARY_PROPERTY, library);
        try {
            return body.get();
        } finally {
            if (saved == null) {
                System.clearProperty(GmpArithmetic.LIBRARY_PROPERTY);
            } else {
                System.setProperty(GmpArithmetic.LIBRARY_PROPERTY, saved);
            }
        }
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
