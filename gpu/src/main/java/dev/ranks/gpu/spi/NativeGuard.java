package dev.ranks.gpu.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Guards a JVM from loading an OpenCL driver that would crash it. PoCL compiles kernels with LLVM,
 * which installs its own SIGSEGV handler over the JVM's; the JVM uses SIGSEGV for implicit null
 * checks and safepoints, so its next one kills it with exit 139. The JVM's {@code libjsig.so},
 * preloaded, chains the two handlers. The probes ask here before touching the ICD loader.
 */
public final class NativeGuard {
    private NativeGuard() {
    }

    /**
     * Why loading OpenCL here would crash the JVM, if it would: an ICD names PoCL and
     * {@code libjsig.so} is not loaded (preloaded) in this process.
     *
     * @return the reason, for an unavailable backend, or empty when loading is safe
     */
    public static Optional<String> openclHazard() {
        if (jsigLoaded()) {
            return Optional.empty();
        }
        for (Path icd : icdFiles()) {
            if (names(icd, "pocl")) {
                return Optional.of("the OpenCL ICD " + icd + " is PoCL, whose LLVM replaces the JVM's SIGSEGV handler"
                        + " and would crash this JVM: start java with LD_PRELOAD=" + jsig() + " (bin/launcher does)");
            }
        }
        return Optional.empty();
    }

    /**
     * The ICD files the OpenCL loader (ocl-icd) would read: {@code OCL_ICD_VENDORS}, a file or a
     * directory, when set, else {@code /etc/OpenCL/vendors}.
     *
     * @return the {@code .icd} files found, possibly none
     */
    public static List<Path> icdFiles() {
        String vendors = System.getenv("OCL_ICD_VENDORS");
        Path where = Path.of(vendors != null && !vendors.isEmpty() ? vendors : "/etc/OpenCL/vendors");
        if (Files.isRegularFile(where)) {
            return List.of(where);
        }
        if (!Files.isDirectory(where)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(where)) {
            return files.filter(f -> f.toString().endsWith(".icd")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The preload library this JVM would need.
     *
     * @return the path of {@code libjsig.so} in this JVM's home
     */
    public static Path jsig() {
        return Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
    }

    // The process's mappings say whether libjsig really loaded; LD_PRELOAD naming a missing file does not.
    private static boolean jsigLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps"), StandardCharsets.UTF_8).contains("/libjsig.so");
        } catch (IOException e) {
            return System.getenv().getOrDefault("LD_PRELOAD", "").contains("libjsig");
        }
    }

    private static boolean names(Path icd, String driver) {
        try {
            return Files.readString(icd, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(driver)
                    || icd.getFileName().toString().toLowerCase(Locale.ROOT).contains(driver);
        } catch (IOException e) {
            return false;
        }
    }
}
