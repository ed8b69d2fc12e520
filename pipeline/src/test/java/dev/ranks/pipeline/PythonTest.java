package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonTest {
    @Test
    void printsAsPythonPrints() {
        assertEquals("['http://a/', \"it's\", 'q\\'\"', None, True, 3, {'k': [1.5]}]",
                Python.repr(Arrays.asList("http://a/", "it's", "q'\"", null, true, 3L, Map.of("k", List.of(1.5)))));
        assertEquals("[]", Python.repr(List.of()));
        assertEquals("[0.0, -0.0, 2.0, 1.4142135623730951, 0.0001, 1e-05, 10000000.0, 1e+16, 1.5e+300, -2.5e-07]",
                Python.repr(List.of(0.0, -0.0, 2.0, Math.sqrt(2), 1e-4, 1e-5, 1e7, 1e16, 1.5e300, -2.5e-7)));
        assertEquals("85070591730234615847396907784232501249", Python.repr(new BigInteger("85070591730234615847396907784232501249")));
        assertEquals("'a\\nb\\\\'", Python.repr("a\nb\\"));
    }
}
