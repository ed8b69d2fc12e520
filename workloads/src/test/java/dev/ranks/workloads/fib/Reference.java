package dev.ranks.workloads.fib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The straightforward definition, F(n) = F(n-1) + F(n-2), to check the fast code against. */
final class Reference {
    private Reference() {
    }

    /** @return F(0) to F(last), by repeated addition */
    static List<BigInteger> fibonacci(int last) {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE));
        for (int n = 2; n <= last; n++) {
            values.add(values.get(n - 1).add(values.get(n - 2)));
        }
        return values.subList(0, last + 1);
    }
}
