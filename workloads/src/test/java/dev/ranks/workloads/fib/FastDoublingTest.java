package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastDoublingTest {
    @Test
    void matchesTheIterativeDefinitionUpTo2000() {
        List<BigInteger> reference = Reference.fibonacci(2000);
        for (int n = 0; n <= 2000; n++) {
            assertEquals(reference.get(n), FastDoubling.fib(n), "F(" + n + ")");
        }
    }

    @Test
    void knownValues() {
        assertEquals(BigInteger.ZERO, FastDoubling.fib(0));
        assertEquals(BigInteger.ONE, FastDoubling.fib(1));
        assertEquals(BigInteger.ONE, FastDoubling.fib(2));
        assertEquals(new BigInteger("12200160415121876738"), FastDoubling.fib(93));
        assertEquals(new BigInteger("354224848179261915075"), FastDoubling.fib(100));
        String f1000 = FastDoubling.fib(1000).toString();
        assertEquals(209, f1000.length());
        assertTrue(f1000.endsWith("228875"), f1000);
        assertTrue(f1000.startsWith("4346655768"), f1000);
    }

    @Test
    void largeIndexSatisfiesTheRecurrence() {
        int n = 100_000;
        assertEquals(FastDoubling.fib(n + 1), FastDoubling.fib(n).add(FastDoubling.fib(n - 1)));
        // gcd(F(m), F(n)) = F(gcd(m, n))
        assertEquals(FastDoubling.fib(1000), FastDoubling.fib(n).gcd(FastDoubling.fib(3000)));
    }

    @Test
    void negativeIndexIsRejected() {
        RanksException e = assertThrows(RanksException.class, () -> FastDoubling.fib(-1));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
