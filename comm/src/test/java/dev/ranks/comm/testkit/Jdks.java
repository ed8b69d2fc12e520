package dev.ranks.comm.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Another JDK than the one running the tests, for tests that start processes on a newer Java (the
 * mpi device's FFM binding needs Java 22 or later): the one {@value #ENVIRONMENT} names, else the
 * newest under {@code /usr/lib/jvm} that is new enough.
 */
public final class Jdks {
    /** The environment variable that names a JDK's home for these tests. */
    public static final String ENVIRONMENT = "RANKS_TEST_JDK";

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /**
     * @param minimum the lowest feature version wanted, such as 22
     * @return the {@code java} launcher of a JDK of at least that version, if there is one
     * @throws IOException when {@code /usr/lib/jvm} cannot be read
     */
    public static Optional<Path> java(int minimum) throws IOException {
        String named = System.getenv(ENVIRONMENT);
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named);
            return version(home) >= minimum ? Optional.of(home.resolve("bin").resolve("java")) : Optional.empty();
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Path best = null;
        int bestVersion = minimum - 1;
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.toList()) {
                int v = version(home);
                if (v > bestVersion && Files.isExecutable(home.resolve("bin").resolve("java"))) {
                    bestVersion = v;
                    best = home.resolve("bin").resolve("java");
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A message for a test skipped for want of such a JDK. */
    public static String missing(int minimum) {
        return "no JDK " + minimum + " or later found: set " + ENVIRONMENT + " to one's home or install one under"
                + " /usr/lib/jvm to run this test";
    }

    // The feature version in a JDK's release file, or 0 when it has none.
    private static int version(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Matcher m = VERSION.matcher(Files.readString(release));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
