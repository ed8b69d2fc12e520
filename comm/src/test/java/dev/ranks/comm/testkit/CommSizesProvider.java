package dev.ranks.comm.testkit;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/** Turns a {@link CommSizes} annotation into one argument per size. */
public final class CommSizesProvider implements ArgumentsProvider, AnnotationConsumer<CommSizes> {
    private int[] sizes = new int[0];

    /** Creates a provider; JUnit then hands it the annotation. */
    public CommSizesProvider() {
    }

    @Override
    public void accept(CommSizes annotation) {
        int[] given = annotation.value();
        if (given.length == 0) {
            throw new IllegalArgumentException("@CommSizes lists no sizes: expected at least one size >= 1");
        }
        for (int size : given) {
            if (size < 1) {
                throw new IllegalArgumentException("@CommSizes size " + size + " is invalid: expected a size >= 1");
            }
        }
        sizes = given.clone();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return Arrays.stream(sizes).mapToObj(Arguments::of);
    }
}
