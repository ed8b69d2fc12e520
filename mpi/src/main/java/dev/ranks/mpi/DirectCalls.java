package dev.ranks.mpi;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The shim's direct calls ({@code ranks_direct_send}, {@code ranks_direct_recv},
 * {@code ranks_direct_reduce}) through the FFM
 * API of Java 22 and later, which this module, built for Java 17, reaches by reflection: the
 * handles are made once, adapted to take Java arrays, and called with {@code invokeExact}, which
 * the JIT compiles as it compiles a call it can see. With {@code Linker.Option.critical(true)} a call
 * neither switches the thread to native state nor pins arrays through JNI, which on Open MPI takes
 * about 0.04 µs off each small message (docs/mpi.md, "Binding").
 *
 * <p>The binding is chosen once per process: {@code ffm} where the JDK has the API and this code
 * may use it ({@code --enable-native-access=ALL-UNNAMED}, which the launcher gives its rank JVMs),
 * else {@code jni}. {@value #PROPERTY} (or {@value #ENVIRONMENT}) set to {@code jni} keeps JNI; set
 * to {@code ffm} it makes a JVM that cannot use FFM an error that says why.
 */
final class DirectCalls {
    /** The system property that chooses the binding: auto (the default), ffm or jni. */
    static final String PROPERTY = "ranks.mpi.binding";
    /** The environment variable read when the property is not set. */
    static final String ENVIRONMENT = "RANKS_MPI_BINDING";
    /** How many MPI tests one direct call makes before it hands back to JNI. */
    static final int SPINS = 512;

    private static final MethodHandle SEND;
    private static final MethodHandle RECV;
    private static final MethodHandle REDUCE;
    private static final String UNAVAILABLE;

    static {
        MethodHandle send = null;
        MethodHandle recv = null;
        MethodHandle reduce = null;
        String why = whyNot();
        if (why == null) {
            try {
                Linking ffm = new Linking(NativeShim.loadedLibrary());
                Class<?> p = Object.class;
                MethodHandle anyArray = ffm.arraySegment();
                // (comm, dest, tag, type, array, offset, count, staging, spins, pending) -> int
                send = ffm.downcall("ranks_direct_send", long.class, int.class, int.class, int.class, p, int.class,
                        int.class, long.class, int.class, p);
                send = MethodHandles.filterArguments(send, 4, anyArray);
                send = MethodHandles.filterArguments(send, 9, ffm.ofArray(long[].class));
                // (comm, source, tag, type, array, offset, capacity, staging, stagingBytes, st, spins, pending) -> int
                recv = ffm.downcall("ranks_direct_recv", long.class, int.class, int.class, int.class, p, int.class,
                        int.class, long.class, int.class, p, int.class, p);
                recv = MethodHandles.filterArguments(recv, 4, anyArray);
                recv = MethodHandles.filterArguments(recv, 9, ffm.ofArray(int[].class));
                recv = MethodHandles.filterArguments(recv, 11, ffm.ofArray(long[].class));
                // (comm, root, type, op, send, sendOffset, recv, recvOffset, count, hasRecv) -> int
                reduce = ffm.downcall("ranks_direct_reduce", long.class, int.class, int.class, int.class, p, int.class,
                        p, int.class, int.class, int.class);
                reduce = MethodHandles.filterArguments(reduce, 4, anyArray, null, anyArray);
            } catch (ReflectiveOperationException | RuntimeException e) {
                why = "the FFM API failed to link the shim's direct calls: " + e;
                send = null;
                recv = null;
                reduce = null;
            }
        }
        SEND = send;
        RECV = recv;
        REDUCE = reduce;
        UNAVAILABLE = why;
    }

    private DirectCalls() {
    }

    /**
     * @return whether this process calls the shim through FFM
     * @throws RanksException ({@link ErrorClass#USAGE}) when {@value #PROPERTY} asks for FFM and it
     *     cannot be used, or names no binding
     */
    static boolean enabled() {
        String wanted = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        String choice = wanted == null || wanted.isBlank() ? "auto" : wanted.strip().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "auto":
                return UNAVAILABLE == null;
            case "jni":
                return false;
            case "ffm":
                if (UNAVAILABLE != null) {
                    throw new RanksException(ErrorClass.USAGE, "MPI binding 'ffm' (" + PROPERTY + " or " + ENVIRONMENT
                            + ") cannot be used: " + UNAVAILABLE);
                }
                return true;
            default:
                throw new RanksException(ErrorClass.USAGE, "MPI binding '" + wanted + "' (" + PROPERTY + " or "
                        + ENVIRONMENT + ") is invalid: expected auto, ffm or jni");
        }
    }

    /** @return why FFM cannot be used here, or null when it can */
    static String unavailable() {
        return UNAVAILABLE;
    }

    /** {@code ranks_direct_send}: see ranks_mpi.c. */
    static int send(long comm, int dest, int tag, int type, Object array, int offset, int count, long staging,
                    long[] pending) {
        try {
            return (int) SEND.invokeExact(comm, dest, tag, type, array, offset, count, staging, SPINS, pending);
        } catch (Throwable e) {
            throw failed("ranks_direct_send", e);
        }
    }

    /** {@code ranks_direct_recv}: see ranks_mpi.c. */
    static int recv(long comm, int source, int tag, int type, Object array, int offset, int capacity, long staging,
                    int stagingBytes, int[] st, long[] pending) {
        try {
            return (int) RECV.invokeExact(comm, source, tag, type, array, offset, capacity, staging, stagingBytes, st,
                    SPINS, pending);
        } catch (Throwable e) {
            throw failed("ranks_direct_recv", e);
        }
    }

    /**
     * {@code ranks_direct_reduce}: see ranks_mpi.c. Waits for the other ranks inside a critical
     * call: only for a rank whose other threads do not call MPI.
     */
    static int reduce(long comm, int root, int type, int op, Object send, int sendOffset, Object recv, int recvOffset,
                      int count) {
        try {
            return (int) REDUCE.invokeExact(comm, root, type, op, send, sendOffset, recv == null ? send : recv,
                    recvOffset, count, recv == null ? 0 : 1);
        } catch (Throwable e) {
            throw failed("ranks_direct_reduce", e);
        }
    }

    private static RuntimeException failed(String function, Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new RanksException(ErrorClass.INTERNAL, -1, function + " failed: " + e, e);
    }

    private static String whyNot() {
        int feature = Runtime.version().feature();
        if (feature < 22) {
            return "Java " + feature + " has no FFM API with heap access (Java 22 or later has)";
        }
        try {
            boolean enabled = (boolean) Module.class.getMethod("isNativeAccessEnabled")
                    .invoke(DirectCalls.class.getModule());
            return enabled ? null : "native access is not enabled for " + DirectCalls.class.getModule()
                    + ": start the JVM with --enable-native-access=ALL-UNNAMED";
        } catch (ReflectiveOperationException e) {
            return "Module.isNativeAccessEnabled is missing: " + e;
        }
    }

    /**
     * The FFM API as far as the direct calls need it, looked up by reflection once: the native
     * linker, the shim's symbols, the value layouts and the critical option.
     */
    private static final class Linking {
        private final Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        private final Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
        private final Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
        private final Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
        private final Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        private final Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        private final Object symbols;
        private final Method find;
        private final Object jint;
        private final Object jlong;
        private final Object address;
        private final Object critical;

        Linking(Path library) throws ReflectiveOperationException {
            Class<?> arenaClass = Class.forName("java.lang.foreign.Arena");
            Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> valueLayoutClass = Class.forName("java.lang.foreign.ValueLayout");
            symbols = lookupClass.getMethod("libraryLookup", Path.class, arenaClass).invoke(null, library,
                    arenaClass.getMethod("global").invoke(null));
            find = lookupClass.getMethod("find", String.class);
            jint = valueLayoutClass.getField("JAVA_INT").get(null);
            jlong = valueLayoutClass.getField("JAVA_LONG").get(null);
            address = valueLayoutClass.getField("ADDRESS").get(null);
            critical = Array.newInstance(optionClass, 1);
            Array.set(critical, 0, optionClass.getMethod("critical", boolean.class).invoke(null, true));
        }

        // Linker.nativeLinker().downcallHandle(lookup.find(name), FunctionDescriptor.of(JAVA_INT, ...),
        // Linker.Option.critical(true)), the parameters as C declares them: long for int64_t
        // (JAVA_LONG), int for int (JAVA_INT), Object for a pointer (ADDRESS).
        MethodHandle downcall(String name, Class<?>... parameters) throws ReflectiveOperationException {
            Optional<?> symbol = (Optional<?>) find.invoke(symbols, name);
            if (symbol.isEmpty()) {
                throw new IllegalStateException("the MPI shim has no symbol " + name);
            }
            Object layouts = Array.newInstance(layoutClass, parameters.length);
            for (int i = 0; i < parameters.length; i++) {
                Array.set(layouts, i, parameters[i] == long.class ? jlong : parameters[i] == int.class ? jint : address);
            }
            Object descriptor = descriptorClass.getMethod("of", layoutClass, layouts.getClass())
                    .invoke(null, jint, layouts);
            return (MethodHandle) linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass,
                    critical.getClass()).invoke(linker, symbol.get(), descriptor, critical);
        }

        /** MemorySegment.ofArray for one array class. */
        MethodHandle ofArray(Class<?> arrayClass) throws ReflectiveOperationException {
            return MethodHandles.publicLookup().findStatic(segmentClass, "ofArray",
                    MethodType.methodType(segmentClass, arrayClass));
        }

        /**
         * Object to MemorySegment.ofArray of whichever primitive array it is (boolean[] has none:
         * the endpoint never passes one this way).
         */
        MethodHandle arraySegment() throws ReflectiveOperationException {
            Class<?>[] arrays = {byte[].class, short[].class, int[].class, long[].class, float[].class,
                double[].class, char[].class};
            MethodHandle isInstance = MethodHandles.publicLookup().findVirtual(Class.class, "isInstance",
                    MethodType.methodType(boolean.class, Object.class));
            MethodType type = MethodType.methodType(segmentClass, Object.class);
            MethodHandle result = MethodHandles.dropArguments(MethodHandles.throwException(segmentClass,
                    IllegalArgumentException.class).bindTo(new IllegalArgumentException("not a primitive array with an"
                    + " FFM segment")), 0, Object.class);
            for (int i = arrays.length - 1; i >= 0; i--) {
                result = MethodHandles.guardWithTest(isInstance.bindTo(arrays[i]), ofArray(arrays[i]).asType(type),
                        result);
            }
            return result;
        }
    }
}
