package dev.ranks.comm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;

class CommSizesTest {
    private static final List<Integer> DEFAULT_SIZES = new CopyOnWriteArrayList<>();
    private static final List<Integer> GIVEN_SIZES = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @CommSizes
    void defaultSizes(int size) {
        DEFAULT_SIZES.add(size);
    }

    @ParameterizedTest
    @CommSizes({2, 4, 5, 7, 8})
    void givenSizes(int size) {
        GIVEN_SIZES.add(size);
    }

    @AfterAll
    static void everySizeRanOnce() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), DEFAULT_SIZES);
        assertEquals(List.of(2, 4, 5, 7, 8), GIVEN_SIZES);
    }

    @Test
    void providerYieldsTheAnnotatedSizes() throws NoSuchMethodException {
        CommSizesProvider provider = new CommSizesProvider();
        provider.accept(annotationOf("givenSizes"));
        List<Object> sizes = provider.provideArguments(null).map(Arguments::get).map(a -> a[0])
                .collect(Collectors.toList());
        assertEquals(List.of(2, 4, 5, 7, 8), sizes);
    }

    @Test
    void sizesBelowOneAreRejected() throws NoSuchMethodException {
        CommSizesProvider provider = new CommSizesProvider();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.accept(annotationOf("invalidSizes")));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @CommSizes({3, 0})
    void invalidSizes(int size) {
        throw new AssertionError("never run: not a test");
    }

    private static CommSizes annotationOf(String method) throws NoSuchMethodException {
        return CommSizesTest.class.getDeclaredMethod(method, int.class).getAnnotation(CommSizes.class);
    }
}
