package dev.ranks.workloads.fib;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * F(n) in GMP, the GNU multiple precision library, called through JNA: {@code mpz_fib_ui} computes
 * F(n), and the decimal summary takes only what it needs from the result, in time linear in its
 * size: the bit length ({@code mpz_sizeinbase}), the top 128 bits ({@code mpz_tdiv_q_2exp},
 * {@code mpz_export}) for {@link DecimalSummary}'s bracket, and the remainder modulo 10^k
 * ({@code mpz_fdiv_ui}) for the last digits. GMP multiplies large numbers by FFT, where BigInteger
 * stops at Toom-Cook 3: F(10^7) takes 31 ms here against BigInteger's 1.1 s.
 *
 * <p>The library is libgmp.so.10 (Debian's libgmp10, which coreutils depends on, so almost always
 * installed), or what the system property {@value #LIBRARY_PROPERTY} names. It is loaded once per
 * name and checked against {@link FastDoubling} on a few values before use; where it does not load
 * (no libgmp, no JNA native support, or a platform whose C {@code long} and {@code size_t} are not
 * 64 bits, which the bindings below assume), {@link #load} is empty and {@link #problem} says why.
 *
 * <p>Every number lives in native memory that GMP allocates; each call clears its numbers before
 * it returns, so nothing outlives the call, whatever its size.
 */
public final class GmpArithmetic implements FibArithmetic {
    /**
     * The system property naming the GMP library to load in place of {@value #DEFAULT_LIBRARY}: a
     * file name, a path, or a name that does not exist, which makes GMP unavailable (as on a machine
     * without libgmp10), for tests and for comparing the two arithmetics.
     */
    public static final String LIBRARY_PROPERTY = "ranks.fib.gmp.library";
    /** The library loaded unless {@value #LIBRARY_PROPERTY} says otherwise: Debian's libgmp10. */
    public static final String DEFAULT_LIBRARY = "libgmp.so.10";

    /** {@code sizeof(mpz_t)} where {@code int} is 32 bits and pointers 64: two ints and a pointer. */
    private static final int MPZ_BYTES = 16;
    private static final int TOP_BYTES = DecimalSummary.TOP_BITS / Byte.SIZE;
    private static final int MAX_SHOWN = 18;
    /** Inputs whose values the loaded library must reproduce exactly, across the 64-bit boundary. */
    private static final List<Integer> CHECKED = List.of(0, 1, 2, 93, 94, 95, 1000);
    private static final Map<String, Attempt> ATTEMPTS = new ConcurrentHashMap<>();
    private static final String PLATFORM_PATH = "jna.platform.library.path";
    private static final String BOOT_PATH = "jna.boot.library.path";

    /** The GMP functions used; the library's own names have a prefix ({@code mpz_init} is {@code __gmpz_init}). */
    interface Gmp extends Library {
        void mpz_init(Pointer z);

        void mpz_clear(Pointer z);

        void mpz_fib_ui(Pointer z, long n);

        long mpz_sizeinbase(Pointer z, int base);

        Pointer mpz_get_str(Pointer buffer, int base, Pointer z);

        long mpz_fdiv_ui(Pointer z, long divisor);

        void mpz_tdiv_q_2exp(Pointer quotient, Pointer z, long bits);

        Pointer mpz_export(Pointer buffer, Pointer count, int order, long size, int endian, long nails,
                              Pointer z);
    }

    /** One try at loading a library: the arithmetic, or why there is none. */
    private record Attempt(GmpArithmetic arithmetic, String problem) {
    }

    private final Gmp gmp;
    private final String version;

    private GmpArithmetic(Gmp gmp, String version) {
        this.gmp = gmp;
        this.version = version;
    }

    /**
     * Loads GMP, once per library name: {@value #DEFAULT_LIBRARY} or what {@value #LIBRARY_PROPERTY}
     * names.
     *
     * @return GMP's arithmetic, or empty where the library or JNA does not load, or computes wrong
     */
    public static Optional<GmpArithmetic> load() {
        return Optional.ofNullable(attempt().arithmetic());
    }

    /** @return why {@link #load} is empty, or null where GMP loaded */
    public static String problem() {
        return attempt().problem();
    }

    private static Attempt attempt() {
        return ATTEMPTS.computeIfAbsent(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY), GmpArithmetic::tryLoad);
    }

    private static Attempt tryLoad(String library) {
        try {
            skipLdconfig();
            keepDispatchLibrary();
            if (Native.LONG_SIZE != Long.BYTES || Native.SIZE_T_SIZE != Long.BYTES || Native.POINTER_SIZE != Long.BYTES) {
                return new Attempt(null, "C long, size_t and pointers are not 64 bits here");
            }
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER,
                    (FunctionMapper) (lib, method) -> "__g" + method.getName());
            Gmp gmp = Native.load(library, Gmp.class, options);
            String version = NativeLibrary.getInstance(library, options).getGlobalVariableAddress("__gmp_version")
                    .getPointer(0).getString(0);
            GmpArithmetic arithmetic = new GmpArithmetic(gmp, version);
            for (int n : CHECKED) {
                if (!arithmetic.value(n).equals(FastDoubling.fib(n))) {
                    return new Attempt(null, library + " (GMP " + version + ") computes F(" + n + ") wrong");
                }
            }
            return new Attempt(arithmetic, null);
        } catch (LinkageError | RuntimeException e) {
            // No library of that name, JNA's own native part failing to load, or a symbol missing.
            return new Attempt(null, library + " does not load: " + String.join(" ",
                    String.valueOf(e.getMessage()).lines().map(String::strip).distinct().limit(2).toList()));
        }
    }

    /**
     * Spares JNA the {@code /sbin/ldconfig -p} it runs (a process, 30 to 40 ms) to learn the
     * library directories where {@code jna.platform.library.path} is unset: the library is opened by
     * its soname, which the dynamic loader finds without them, so the usual directories suffice.
     */
    private static void skipLdconfig() {
        if (System.getProperty(PLATFORM_PATH) != null || !System.getProperty("os.name").startsWith("Linux")) {
            return;
        }
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        System.setProperty(PLATFORM_PATH, Stream.of("/usr/lib/" + arch + "-linux-gnu", "/lib/" + arch + "-linux-gnu",
                "/usr/lib64", "/lib64", "/usr/lib", "/lib").filter(dir -> Files.isDirectory(Path.of(dir)))
                .collect(Collectors.joining(File.pathSeparator)));
    }

    /**
     * Spares JNA extracting its native part from the jar on every start: it writes a temporary file
     * named through SecureRandom, whose start-up costs some 50 ms. The library is kept instead in
     * {@code ~/.cache/ranks} (or {@code $XDG_CACHE_HOME/ranks}) under a name that carries its CRC,
     * written once, atomically, and handed to JNA as {@code jna.boot.library.path}. Where the
     * directory cannot be written, or the property is already set, JNA extracts as usual.
     */
    private static void keepDispatchLibrary() {
        if (System.getProperty(BOOT_PATH) != null) {
            return;
        }
        String name = System.mapLibraryName("jnidispatch");
        try (InputStream in = Native.class.getClassLoader()
                .getResourceAsStream("com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + name)) {
            if (in == null) {
                return;
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path dir = (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                    .resolve("ranks").resolve("jnidispatch-" + Long.toHexString(crc.getValue()));
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Files.createDirectories(dir);
                Path part = dir.resolve(name + "." + ProcessHandle.current().pid() + ".part");
                Files.write(part, bytes);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty(BOOT_PATH, dir.toString());
        } catch (IOException | RuntimeException e) {
            // JNA extracts it itself, as it would without this
        }
    }

    @Override
    public String name() {
        return GMP;
    }

    /** @return the loaded library's version, e.g. {@code 6.2.1} */
    public String version() {
        return version;
    }

    @Override
    public DecimalSummary summary(int n, int count) {
        if (count < 1 || count > MAX_SHOWN) {
            throw new RanksException(ErrorClass.ARG, "digit count " + count + " is invalid: expected 1 to "
                    + MAX_SHOWN);
        }
        Memory f = fib(n);
        try {
            long bits = gmp.mpz_sizeinbase(f, 2);
            if (bits <= DecimalSummary.TOP_BITS) {
                return DecimalSummary.of(decimalOf(f), count);
            }
            int shift = (int) (bits - DecimalSummary.TOP_BITS);
            return DecimalSummary.bracketed(top(f, shift), shift, count,
                    kept -> BigInteger.valueOf(gmp.mpz_fdiv_ui(f, BigInteger.TEN.pow(kept).longValueExact())),
                    () -> decimalOf(f));
        } finally {
            clear(f);
        }
    }

    @Override
    public String decimal(int n) {
        Memory f = fib(n);
        try {
            return decimalOf(f);
        } finally {
            clear(f);
        }
    }

    @Override
    public BigInteger value(int n) {
        Memory f = fib(n);
        try {
            return new BigInteger(1, export(f, (int) ((gmp.mpz_sizeinbase(f, 2) + 7) / 8)));
        } finally {
            clear(f);
        }
    }

    private Memory fib(int n) {
        if (n < 0) {
            throw new RanksException(ErrorClass.ARG, "Fibonacci index " + n + " is invalid: expected at least 0");
        }
        Memory f = new Memory(MPZ_BYTES);
        gmp.mpz_init(f);
        gmp.mpz_fib_ui(f, n);
        return f;
    }

    /** Frees the number's digits (GMP's) and then its header (ours). */
    private void clear(Memory z) {
        gmp.mpz_clear(z);
        z.close();
    }

    /** The top 128 bits of f, which has more: f shifted right by {@code shift}. */
    private BigInteger top(Pointer f, int shift) {
        Memory q = new Memory(MPZ_BYTES);
        gmp.mpz_init(q);
        try {
            gmp.mpz_tdiv_q_2exp(q, f, shift);
            return new BigInteger(1, export(q, TOP_BYTES));
        } finally {
            clear(q);
        }
    }

    /** The magnitude of z as big-endian bytes, of which it has at most {@code bytes}. */
    private byte[] export(Pointer z, int bytes) {
        try (Memory buffer = new Memory(Math.max(1, bytes)); Memory count = new Memory(Long.BYTES)) {
            count.setLong(0, 0);
            // order 1, 1-byte words, endianness 1: the most significant byte first; no nail bits
            gmp.mpz_export(buffer, count, 1, 1, 1, 0, z);
            return buffer.getByteArray(0, (int) count.getLong(0));
        }
    }

    private String decimalOf(Pointer z) {
        // mpz_sizeinbase is exact or one too large, and get_str adds a terminating NUL
        try (Memory buffer = new Memory(gmp.mpz_sizeinbase(z, 10) + 2)) {
            gmp.mpz_get_str(buffer, 10, z);
            return buffer.getString(0, StandardCharsets.US_ASCII.name());
        }
    }
}
