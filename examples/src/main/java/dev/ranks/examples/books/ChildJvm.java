package dev.ranks.examples.books;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs a class of this package, for the examples whose book starts
 * real processes: the same {@code java} as this JVM ({@link ProcessHandle#current()}) and this package's
 * jar (or classes directory) on the class path, with the start-up flags that keep a short child quick.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param main the class whose {@code main} the child runs
     * @param args its arguments
     * @return the command, for {@link ProcessBuilder}
     */
    static List<String> command(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This package's jar (or classes directory): under {@code launcher run} it is not java.class.path. */
    private static String classPath() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
    }
}
