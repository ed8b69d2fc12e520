package dev.ranks.comm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Supplies communicator sizes to a parameterized test, as MPICH runs its tests at several sizes:
 * {@code @ParameterizedTest @CommSizes void ring(int size)} runs at sizes 1 to 11, and
 * {@code @CommSizes({2, 4, 5, 7, 8})} at the sizes given.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(CommSizesProvider.class)
public @interface CommSizes {
    /** @return the communicator sizes to run at, each at least 1; 1 to 11 by default */
    int[] value() default {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
}
