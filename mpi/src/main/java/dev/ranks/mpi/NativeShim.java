package dev.ranks.mpi;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds and loads the JNI shim ({@code ranks_mpi.c}) for one MPI implementation: compiled with
 * the implementation's own {@code mpicc} against its {@code mpi.h} and the running JDK's
 * {@code jni.h}, once, into {@code ~/.cache/ranks/mpi/IMPL-HASH/} ({@code $XDG_CACHE_HOME} when
 * set). The hash covers the shim's source, the wrapper's compile line and the JDK, so a changed
 * MPI or JDK gets a new build. Ranks that start together build it once, under a file lock.
 */
final class NativeShim {
    private static final String SOURCE = "ranks_mpi.c";
    private static final String LIBRARY = "libranksmpi.so";
    private static final String BOOT = "libranksmpiboot.so";
    private static final long COMPILE_SECONDS = 120;
    private static Path loaded;

    private NativeShim() {
    }

    /**
     * Builds the shim for an implementation unless built already, and loads it into this JVM.
     *
     * @param implementation the MPI implementation
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when it cannot be built, naming what to install
     */
    static synchronized void load(MpiImplementation implementation) {
        Path library = build(implementation);
        if (loaded == null) {
            System.load(library.resolveSibling(BOOT).toString());
            MpiNative.protectSignals();
            System.load(library.toString());
            loaded = library;
        }
    }

    /**
     * @return the shim this JVM loaded
     * @throws IllegalStateException when {@link #load(MpiImplementation)} has not run
     */
    static synchronized Path loadedLibrary() {
        if (loaded == null) {
            throw new IllegalStateException("the MPI shim is not loaded yet");
        }
        return loaded;
    }

    /**
     * Builds the shim for an implementation unless built already.
     *
     * @param implementation the MPI implementation
     * @return the shared library
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when it cannot be built, naming what to install
     */
    static Path build(MpiImplementation implementation) {
        Path compiler = MpiImplementation.onPath(implementation.compiler());
        if (compiler == null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "the mpi device on " + implementation.label() + " needs "
                    + implementation.compiler() + ", which is not on the PATH: install " + implementation.packages()
                    + " (Debian: apt-get install " + implementation.packages() + ")");
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jniHeader = javaHome.resolve("include/jni.h");
        if (!Files.isRegularFile(jniHeader)) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "the mpi device compiles its JNI shim against the JDK's "
                    + jniHeader + ", which is missing: run the launcher on a JDK (Debian: openjdk-17-jdk-headless),"
                    + " not a runtime-only image");
        }
        byte[] source = source();
        String compileLine = run(List.of(compiler.toString(), showOption(implementation)), null);
        Path dir = cacheDir().resolve(implementation.label() + "-" + hash(source, compileLine, javaHome.toString()));
        Path library = dir.resolve(LIBRARY);
        if (Files.isRegularFile(library)) {
            return library;
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (Files.isRegularFile(library)) {
                    return library;
                }
                Path src = dir.resolve(SOURCE);
                Files.write(src, source);
                // The boot library links no MPI (--as-needed drops the wrapper's libraries), so
                // that it runs before them; the library itself is moved in last, as the sign that both are built.
                compile(compiler, javaHome, src, dir, dir.resolve(BOOT), implementation, "-DRANKS_BOOT",
                        "-Wl,--as-needed");
                compile(compiler, javaHome, src, dir, library, implementation, "-ldl");
                return library;
            }
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot build the mpi device's JNI shim in " + dir
                    + ": " + e, e);
        }
    }

    private static void compile(Path compiler, Path javaHome, Path src, Path dir, Path target,
                                MpiImplementation implementation, String... extra) throws IOException {
        Path partial = Files.createTempFile(dir, "build", ".so");
        // A function used before its declaration would leave the library an undefined symbol that
        // only loading reports: make it the compiler's error.
        List<String> command = new ArrayList<>(List.of(compiler.toString(), "-O2", "-shared", "-fPIC",
                "-Werror=implicit-function-declaration", "-I" + javaHome.resolve("include"),
                "-I" + javaHome.resolve("include/linux"), "-o", partial.toString(), src.toString()));
        // After the source: libraries must follow it, and gcc reads definitions wherever they stand.
        command.addAll(List.of(extra));
        run(command, implementation);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String showOption(MpiImplementation implementation) {
        return implementation == MpiImplementation.OPEN_MPI ? "--showme" : "-show";
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ranks/mpi");
    }

    private static byte[] source() {
        try (InputStream in = NativeShim.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new RanksException(ErrorClass.INTERNAL, "the mpi module's jar lacks " + SOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RanksException(ErrorClass.INTERNAL, -1, "cannot read " + SOURCE + ": " + e, e);
        }
    }

    private static String hash(byte[] source, String compileLine, String javaHome) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source);
            digest.update(compileLine.getBytes(StandardCharsets.UTF_8));
            digest.update(javaHome.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command and returns its output; a failure names the command and shows its output. */
    private static String run(List<String> command, MpiImplementation compiling) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMPILE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RanksException(ErrorClass.UNAVAILABLE, String.join(" ", command) + " did not finish in "
                        + COMPILE_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new RanksException(ErrorClass.UNAVAILABLE, (compiling == null ? "" : "cannot compile the mpi"
                        + " device's JNI shim (install " + compiling.packages() + "): ") + String.join(" ", command)
                        + " exited " + p.exitValue() + ":\n" + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot run " + command.get(0) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while running " + command.get(0), e);
        }
    }
}
