package dev.ranks.comm.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.spi.Payload;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Turns objects into payloads and back. Immutable values pass by reference; anything else is
 * encoded with Kryo (field by field, never Java serialisation), so the receiver gets a deep copy.
 * A class Kryo cannot handle is a {@link ErrorClass#CODEC} error naming it.
 *
 * <p>Only classes that every rank shares pass by reference: those of this codec's class loader and
 * its ancestors. {@code launcher run} loads a user's classes once per rank, so a user's record or
 * enum is a different class in each rank; it is copied, and decoded with the receiving thread's
 * context class loader, which is its rank's.
 */
public final class ObjectCodec {
    private static final Set<Class<?>> IMMUTABLE_LEAVES = Set.of(
            String.class, Boolean.class, Character.class, Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class, Class.class,
            java.time.Instant.class, java.time.Duration.class, java.time.LocalDate.class, java.time.LocalTime.class,
            java.time.LocalDateTime.class, java.time.ZonedDateTime.class, java.time.OffsetDateTime.class,
            java.time.Period.class, java.time.ZoneOffset.class);

    private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return immutableType(type, 0);
        }
    };

    private static final ClassLoader CODEC_LOADER = ObjectCodec.class.getClassLoader();

    private static final ThreadLocal<Kryo> KRYO = ThreadLocal.withInitial(ObjectCodec::newKryo);

    private ObjectCodec() {
    }

    /**
     * @param obj a value; may be null
     * @param rank the sending rank, for error messages
     * @return a payload passing it by reference if immutable, otherwise its encoding
     */
    public static Payload wrap(Object obj, int rank) {
        if (isImmutable(obj)) {
            return Payload.value(obj);
        }
        return Payload.encoded(encode(obj, rank));
    }

    /**
     * @param payload an object payload
     * @param <T> the type expected
     * @return the value it carries, decoded if it was encoded
     */
    @SuppressWarnings("unchecked")
    public static <T> T unwrap(Payload payload) {
        if (!payload.encoded()) {
            return (T) payload.data();
        }
        return (T) decode((byte[]) payload.data());
    }

    /**
     * @param obj any object
     * @return whether it may be shared between ranks without a copy
     */
    public static boolean isImmutable(Object obj) {
        return obj == null || IMMUTABLE.get(obj.getClass());
    }

    /**
     * Encodes an object with Kryo.
     *
     * @param obj the object
     * @param rank the sending rank, for error messages
     * @return its encoding
     */
    public static byte[] encode(Object obj, int rank) {
        Class<?> type = obj.getClass();
        if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
            throw new RanksException(ErrorClass.CODEC, rank, "cannot send " + type.getName()
                    + ": lambdas and other synthetic classes have no portable form; send data instead", null);
        }
        if (obj instanceof Thread || obj instanceof ClassLoader || obj instanceof AutoCloseable) {
            throw new RanksException(ErrorClass.CODEC, rank, "cannot send " + type.getName()
                    + ": threads, class loaders and open resources cannot be copied to another rank", null);
        }
        try (Output out = new Output(256, -1)) {
            KRYO.get().writeClassAndObject(out, obj);
            return out.toBytes();
        } catch (KryoException | IllegalArgumentException | UnsupportedOperationException | LinkageError
                 | SecurityException e) {
            throw new RanksException(ErrorClass.CODEC, rank, "cannot send an object of class " + type.getName()
                    + ": the codec cannot copy it (" + rootMessage(e) + "); send plain data, records, arrays,"
                    + " collections or classes of your own", e);
        } catch (RuntimeException e) {
            if (e.getClass().getName().equals("java.lang.reflect.InaccessibleObjectException")) {
                throw new RanksException(ErrorClass.CODEC, rank, "cannot send an object of class " + type.getName()
                        + ": it holds JDK internals the codec may not read (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /**
     * Decodes what {@link #encode(Object, int)} produced.
     *
     * @param bytes an encoding
     * @return a new object equal to the one encoded
     */
    public static Object decode(byte[] bytes) {
        try (Input in = new Input(bytes)) {
            return KRYO.get().readClassAndObject(in);
        } catch (KryoException e) {
            throw new RanksException(ErrorClass.CODEC, -1, "cannot decode a received object: " + rootMessage(e), e);
        }
    }

    private static boolean immutableType(Class<?> type, int depth) {
        if (!type.isPrimitive() && !sharedByEveryRank(type)) {
            return false;
        }
        if (type.isPrimitive() || IMMUTABLE_LEAVES.contains(type) || type.isEnum()
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            return true;
        }
        if (!type.isRecord() || depth > 8) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> ct = component.getType();
            boolean finalType = ct.isPrimitive() || Modifier.isFinal(ct.getModifiers()) || ct.isEnum();
            if (!finalType || !immutableType(ct, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the class is this codec's or its ancestors' loader's, not one rank's own copy. */
    private static boolean sharedByEveryRank(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        for (ClassLoader l = CODEC_LOADER; l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return loader == null;
    }

    private static Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            kryo.setClassLoader(context);
        }
        return kryo;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
