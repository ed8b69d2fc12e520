package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalSummaryTest {
    @Test
    void fibonacciUpTo2000MatchesToString() {
        List<BigInteger> reference = Reference.fibonacci(2000);
        for (int n = 0; n <= 2000; n++) {
            BigInteger f = reference.get(n);
            assertEquals(DecimalSummary.of(f.toString(), 10), DecimalSummary.of(f, 10), "F(" + n + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 31_415, 65_536, 99_999, 100_000})
    void largeFibonacciMatchesToString(int n) {
        BigInteger f = FastDoubling.fib(n);
        DecimalSummary summary = DecimalSummary.of(f, 10);
        assertEquals(DecimalSummary.of(f.toString(), 10), summary);
        assertEquals(Math.floor(n * Math.log10((1 + Math.sqrt(5)) / 2) - Math.log10(Math.sqrt(5))) + 1,
                summary.digits(), 0.0, "Binet's estimate of the digit count");
    }

    @Test
    void f1000() {
        DecimalSummary summary = DecimalSummary.of(FastDoubling.fib(1000), 10);
        assertEquals(new DecimalSummary(209, "4346655768", "6849228875"), summary);
        assertEquals("4346655768…6849228875", summary.abbreviated());
    }

    @ParameterizedTest
    @ValueSource(ints = {39, 40, 300, 1000, 4000})
    void powersOfTenAndTheirNeighboursAreExact(int exponent) {
        BigInteger power = BigInteger.TEN.pow(exponent);
        for (BigInteger value : List.of(power.subtract(BigInteger.ONE), power, power.add(BigInteger.ONE),
                power.add(BigInteger.valueOf(42)), power.multiply(BigInteger.valueOf(9_999_999_999L)))) {
            assertEquals(DecimalSummary.of(value.toString(), 10), DecimalSummary.of(value, 10), value::toString);
        }
    }

    @Test
    void lastDigitsKeepTheirLeadingZeros() {
        BigInteger value = BigInteger.TEN.pow(200).add(BigInteger.valueOf(5));
        DecimalSummary summary = DecimalSummary.of(value, 10);
        assertEquals("1000000000", summary.first());
        assertEquals("0000000005", summary.last());
        assertEquals(201, summary.digits());
    }

    @Test
    void shortNumbersAreShownWhole() {
        assertEquals(new DecimalSummary(1, "0", "0"), DecimalSummary.of(BigInteger.ZERO, 10));
        assertEquals("0", DecimalSummary.of(BigInteger.ZERO, 10).abbreviated());
        assertEquals("55", DecimalSummary.of(BigInteger.valueOf(55), 10).abbreviated());
        assertEquals("12200160415121876738", DecimalSummary.of(FastDoubling.fib(93), 10).abbreviated());
        assertEquals("354224848179261915075".substring(0, 10) + "…" + "354224848179261915075".substring(11),
                DecimalSummary.of(FastDoubling.fib(100), 10).abbreviated());
        assertEquals("1234567890123", DecimalSummary.of(new BigInteger("1234567890123"), 10).abbreviated());
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class,
                () -> DecimalSummary.of(BigInteger.valueOf(-1), 10)).errorClass());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class,
                () -> DecimalSummary.of(BigInteger.ONE, 0)).errorClass());
    }
}
