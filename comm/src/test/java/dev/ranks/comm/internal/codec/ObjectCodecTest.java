package dev.ranks.comm.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.spi.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Immutable values pass by reference only when every rank has their class: {@code launcher run}
 * gives each rank a class loader of its own, so a user's record or enum must reach another rank as
 * that rank's class, or its cast fails (the user operation of docs/collectives.md did).
 */
class ObjectCodecTest {
    /** A user's immutable record. */
    public record Mat(long a, long b) {
    }

    /** A user's enum. */
    public enum Suit { HEARTS, SPADES }

    @Test
    void recordsAndEnumsOfTheCodecsLoaderPassByReference() {
        Mat mat = new Mat(1, 2);

        assertTrue(ObjectCodec.isImmutable(mat));
        assertTrue(ObjectCodec.isImmutable(Suit.SPADES));
        assertSame(mat, ObjectCodec.unwrap(ObjectCodec.wrap(mat, 0)));
    }

    @Test
    void aRanksOwnRecordIsCopiedIntoTheReceivingRanksClass() throws Exception {
        Class<?> sender = rankLoader("rank-0", Mat.class).loadClass(Mat.class.getName());
        ClassLoader receiver = rankLoader("rank-1", Mat.class);
        Object mat = sender.getConstructor(long.class, long.class).newInstance(3L, 4L);

        assertFalse(ObjectCodec.isImmutable(mat));
        Object received = unwrapIn(receiver, ObjectCodec.wrap(mat, 0));

        assertSame(receiver.loadClass(Mat.class.getName()), received.getClass());
        // accessors, not toString: the copy's nest host, this class, is in another loader here
        assertEquals(3L, received.getClass().getMethod("a").invoke(received));
        assertEquals(4L, received.getClass().getMethod("b").invoke(received));
    }

    @Test
    void aRanksOwnEnumIsTheReceivingRanksConstant() throws Exception {
        Class<?> sender = rankLoader("rank-0", Suit.class).loadClass(Suit.class.getName());
        ClassLoader receiver = rankLoader("rank-1", Suit.class);
        Object spades = sender.getEnumConstants()[1];

        Object received = unwrapIn(receiver, ObjectCodec.wrap(spades, 0));

        assertNotSame(spades, received);
        assertSame(receiver.loadClass(Suit.class.getName()).getEnumConstants()[1], received);
    }

    /** Decodes on a thread whose context class loader is the rank's, as a rank thread's is. */
    private static Object unwrapIn(ClassLoader rank, Payload payload) throws InterruptedException {
        AtomicReference<Object> received = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                received.set(ObjectCodec.unwrap(payload));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.setContextClassLoader(rank);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return received.get();
    }

    /** A loader that defines {@code type} anew from its class file, as each rank's loader does. */
    private static ClassLoader rankLoader(String name, Class<?> type) throws IOException {
        byte[] bytes;
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        }
        return new ClassLoader(name, ObjectCodecTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(type.getName())) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> c = findLoadedClass(className);
                    return c != null ? c : defineClass(className, bytes, 0, bytes.length);
                }
            }
        };
    }
}
