package dev.ranks.mpi;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
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
                Path library = NativeShim.loadedLibrary();
                Class<?> p = Object.class;
                send = downcall(library, "ranks_direct_send", long.class, int.class, int.class, int.class, p,
                        int.class, int.class, long.class, int.class, p);
                recv = downcall(library, "ranks_direct_recv", long.class, int.class, int.class, int.class, p,
                        int.class, int.class, long.class, int.class, p, int.class, p);
                reduce = downcall(library, "ranks_direct_reduce", long.class, int.class, int.class, int.class, p,
                        int.class, p, int.class, int.class, int.class);
                // (comm, dest, tag, type, array, offset, count, staging, spins, pending) -> int
                send = MethodHandles.filterArguments(send, 4, arraySegment());
                send = MethodHandles.filterArguments(send, 9, ofArray(long[].class));
                // (comm, source, tag, type, array, offset, capacity, staging, stagingBytes, st, spins, pending) -> int
                recv = MethodHandles.filterArguments(recv, 4, arraySegment());
                recv = MethodHandles.filterArguments(recv, 9, ofArray(int[].class));
                recv = MethodHandles.filterArguments(recv, 11, ofArray(long[].class));
                // (comm, root, type, op, send, sendOffset, recv, recvOffset, count, hasRecv) -> int
                reduce = MethodHandles.filterArguments(reduce, 4, arraySegment());
                reduce = MethodHandles.filterArguments(reduce, 6, arraySegment());
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

    // Linker.nativeLinker().downcallHandle(lookup.find(name), FunctionDescriptor.of(JAVA_INT, ...),
    // Linker.Option.critical(true)), the parameters as C declares them: long for int64_t
    // (JAVA_LONG), int for int (JAVA_INT), Object for a pointer (ADDRESS).
    private static MethodHandle downcall(Path library, String name, Class<?>... parameters)
            throws ReflectiveOperationException {
        Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> arenaClass = Class.forName("java.lang.foreign.Arena");
        Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutClass = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
        Object arena = arenaClass.getMethod("global").invoke(null);
        Object lookup = lookupClass.getMethod("libraryLookup", Path.class, arenaClass).invoke(null, library, arena);
        Optional<?> symbol = (Optional<?>) lookupClass.getMethod("find", String.class).invoke(lookup, name);
        if (symbol.isEmpty()) {
            throw new IllegalStateException(library + " has no symbol " + name);
        }
        Object jint = valueLayoutClass.getField("JAVA_INT").get(null);
        Object jlong = valueLayoutClass.getField("JAVA_LONG").get(null);
        Object address = valueLayoutClass.getField("ADDRESS").get(null);
        Object layouts = Array.newInstance(layoutClass, parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            Array.set(layouts, i, parameters[i] == long.class ? jlong : parameters[i] == int.class ? jint : address);
        }
        Object descriptor = descriptorClass.getMethod("of", layoutClass, layouts.getClass()).invoke(null, jint, layouts);
        Object options = Array.newInstance(optionClass, 1);
        Array.set(options, 0, optionClass.getMethod("critical", boolean.class).invoke(null, true));
        Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        return (MethodHandle) linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass,
                options.getClass()).invoke(linker, symbol.get(), descriptor, options);
    }

    /** MemorySegment.ofArray for one array class. */
    private static MethodHandle ofArray(Class<?> arrayClass) throws ReflectiveOperationException {
        Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        return MethodHandles.publicLookup().findStatic(segmentClass, "ofArray",
                MethodType.methodType(segmentClass, arrayClass));
    }

    /**
     * Object to MemorySegment.ofArray of whichever primitive array it is (boolean[] has none: the
     * endpoint never sends one this way).
     */
    private static MethodHandle arraySegment() throws ReflectiveOperationException {
        Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        Class<?>[] arrays = {byte[].class, short[].class, int[].class, long[].class, float[].class, double[].class,
            char[].class};
        MethodHandle isInstance = MethodHandles.publicLookup().findVirtual(Class.class, "isInstance",
                MethodType.methodType(boolean.class, Object.class));
        MethodType type = MethodType.methodType(segmentClass, Object.class);
        MethodHandle result = MethodHandles.dropArguments(MethodHandles.throwException(segmentClass,
                IllegalArgumentException.class).bindTo(new IllegalArgumentException("not a primitive array with an"
                + " FFM segment")), 0, Object.class);
        for (int i = arrays.length - 1; i >= 0; i--) {
            result = MethodHandles.guardWithTest(isInstance.bindTo(arrays[i]), ofArray(arrays[i]).asType(type), result);
        }
        return result;
    }
}
