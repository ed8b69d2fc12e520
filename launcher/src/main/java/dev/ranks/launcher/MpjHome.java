package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A private MPJ_HOME built from Debian's libmpj-java, so that the user never edits MPJ's files.
 *
 * <p>Debian installs MPJ Express's jars in {@code /usr/share/mpj/lib}, but their manifests' class
 * paths name commons-cli, commons-codec, commons-io and log4j-1.2 as siblings that Debian keeps in
 * {@code /usr/share/java}; and MPJ reads its ports from {@code $MPJ_HOME/conf/mpjexpress.conf},
 * one file per installation, so two jobs from one host would both take the starter's port 40002.
 * This class copies the jars and their dependencies into one {@code lib} directory (real copies:
 * the manifests' relative paths resolve next to the copy) and writes a {@code conf} with the
 * ports of one job or one daemon.
 */
final class MpjHome {
    /** Where libmpj-java installs MPJ Express's jars. */
    static final Path MPJ_LIB = Path.of("/usr/share/mpj/lib");
    /** Where Debian installs the jars MPJ's manifests expect beside them. */
    static final Path JAVA_LIB = Path.of("/usr/share/java");

    private static final List<String> MPJ_JARS = List.of("starter", "daemon", "runtimecommon", "mpj", "mpi", "mpjdev",
            "mpjbuf", "xdev", "niodev", "smpdev", "hybdev", "mxdev", "loader1", "loader2", "mpiExp");
    private static final List<String> DEPENDENCIES = List.of("commons-cli", "commons-codec", "commons-io", "log4j-1.2");
    private static final String PACKAGES = "libmpj-java libcommons-cli-java libcommons-codec-java "
            + "libcommons-io-java liblog4j1.2-java";

    private MpjHome() {
    }

    /**
     * MPJ Express's ports, as {@code mpjexpress.conf} names them.
     *
     * @param daemon the daemons' port, which the starter connects to ({@code mpjexpress.mpjdaemon.port.1})
     * @param portManager a daemon's port-manager port ({@code mpjexpress.mpjdaemon.port.2})
     * @param starter the port the starter collects its ranks' addresses on ({@code mpjexpress.mpjrun.port.1})
     */
    record Ports(int daemon, int portManager, int starter) {
    }

    /**
     * Checks that libmpj-java and the jars its manifests need are installed.
     *
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) naming the missing file and the packages to install
     */
    static void checkInstalled() {
        for (String jar : MPJ_JARS) {
            requireFile(MPJ_LIB.resolve(jar + ".jar"));
        }
        for (String jar : DEPENDENCIES) {
            requireFile(JAVA_LIB.resolve(jar + ".jar"));
        }
    }

    /**
     * Builds an MPJ_HOME: {@code lib} with MPJ's jars and their dependencies side by side,
     * {@code conf/mpjexpress.conf} with these ports and logging off, and an empty {@code logs}.
     *
     * @param home the directory to fill; created if missing, existing files replaced
     * @param ports the ports to write
     * @return {@code home}
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when MPJ Express is not installed
     * @throws UncheckedIOException when the directory cannot be written
     */
    static Path create(Path home, Ports ports) {
        checkInstalled();
        try {
            Path lib = Files.createDirectories(home.resolve("lib"));
            for (String jar : MPJ_JARS) {
                copy(MPJ_LIB.resolve(jar + ".jar"), lib);
            }
            for (String jar : DEPENDENCIES) {
                copy(JAVA_LIB.resolve(jar + ".jar"), lib);
            }
            Files.createDirectories(home.resolve("logs"));
            Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("mpjexpress.conf"), conf(ports),
                    StandardCharsets.UTF_8);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a private MPJ_HOME in " + home, e);
        }
    }

    /**
     * @param ports the ports to write
     * @return the text of {@code mpjexpress.conf} for them
     */
    static String conf(Ports ports) {
        return String.join("\n",
                "# Written by the Ranks launcher for one job or daemon; see docs/mpj.md.",
                "mpjexpress.mpjdaemon.port.1=" + ports.daemon(),
                "mpjexpress.mpjdaemon.port.2=" + ports.portManager(),
                "mpjexpress.mpjrun.port.1=" + ports.starter(),
                "mpjexpress.mpjdaemon.loglevel=OFF",
                "mpjexpress.mpjrun.loglevel=OFF",
                "mpjexpress.mpi.loglevel=OFF",
                "mpjexpress.version=0.44",
                "mpjexpress.mpi.old.collectives=false",
                "");
    }

    private static void copy(Path jar, Path lib) throws IOException {
        // Files.copy follows Debian's version symlinks, so lib holds real files under the plain names.
        Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "MPJ Express is not installed (" + file + " is missing):"
                    + " expected Debian's packages, install them with: sudo apt-get install " + PACKAGES);
        }
    }
}
