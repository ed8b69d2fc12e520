package dev.ranks.collectives.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.util.Objects;

/** Assertions on arrays of any element type, primitive or not. */
public final class ArrayAssertions {
    private ArrayAssertions() {
    }

    /**
     * Compares two arrays of one element type, naming the first element that differs.
     *
     * @param expected the expected array
     * @param actual the actual array
     * @param what what is compared, for the failure message
     */
    public static void assertElements(Object expected, Object actual, String what) {
        assertEquals(Array.getLength(expected), Array.getLength(actual), what + ": length");
        for (int i = 0; i < Array.getLength(expected); i++) {
            if (!Objects.equals(Array.get(expected, i), Array.get(actual, i))) {
                fail(what + ": element " + i + " is " + Array.get(actual, i) + ", expected " + Array.get(expected, i));
            }
        }
    }
}
