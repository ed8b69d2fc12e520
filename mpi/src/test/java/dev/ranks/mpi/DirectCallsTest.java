package dev.ranks.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The binding setting in a JVM that has not loaded the shim (as the test JVM): {@code jni} is
 * always there, {@code auto} falls back to it saying why FFM is not, and {@code ffm} where it
 * cannot be used, or a name that is no binding, is a usage error that says what was wrong.
 */
class DirectCallsTest {
    @AfterEach
    void clear() {
        System.clearProperty(DirectCalls.PROPERTY);
    }

    @Test
    void jniIsAlwaysThereAndAutoFallsBackToItWithAReason() {
        System.setProperty(DirectCalls.PROPERTY, "jni");
        assertFalse(DirectCalls.enabled());

        System.setProperty(DirectCalls.PROPERTY, "auto");
        // No shim is loaded in this JVM, so FFM cannot link it, whatever the Java version.
        assertFalse(DirectCalls.enabled());
        assertTrue(DirectCalls.unavailable() != null && !DirectCalls.unavailable().isBlank());
    }

    @Test
    void ffmWhereItCannotBeUsedIsAUsageErrorThatSaysWhy() {
        System.setProperty(DirectCalls.PROPERTY, "FFM");

        RanksException e = assertThrows(RanksException.class, DirectCalls::enabled);

        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertEquals("MPI binding 'ffm' (ranks.mpi.binding or RANKS_MPI_BINDING) cannot be used: "
                + DirectCalls.unavailable(), e.getMessage());
    }

    @Test
    void aNameThatIsNoBindingIsAUsageError() {
        System.setProperty(DirectCalls.PROPERTY, "panama");

        RanksException e = assertThrows(RanksException.class, DirectCalls::enabled);

        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertEquals("MPI binding 'panama' (ranks.mpi.binding or RANKS_MPI_BINDING) is invalid: expected auto, ffm or"
                + " jni", e.getMessage());
    }
}
