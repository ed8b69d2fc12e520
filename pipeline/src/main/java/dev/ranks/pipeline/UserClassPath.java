package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Where users' classes are: jars and directories of classes, as {@code launcher run --class-path
 * PATH} and {@code launcher worker --class-path PATH} name them, each checked to exist. Users'
 * {@link TaskProvider}s come from here besides the class path. {@link TaskRegistry#load(UserClassPath)}
 * loads them in a class loader of their own whose parent holds the built-in tasks, so both are in
 * one registry; a registry remembers its class path so that engines pass it to the worker
 * processes they start ({@link ProcessWorker}).
 *
 * @param entries the jars and directories, absolute, each checked to exist
 */
public record UserClassPath(List<Path> entries) {
    /** No entries: the tasks on the class path only. */
    public static final UserClassPath NONE = new UserClassPath(List.of());

    /**
     * Checks the entries.
     *
     * @param entries the jars and directories
     * @throws RanksException ({@link ErrorClass#ARG}) naming an entry that does not exist, or is a
     *     file but not a jar
     */
    public UserClassPath {
        List<Path> absolute = new ArrayList<>();
        for (Path entry : entries) {
            Path path = entry.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                absolute.add(path);
                continue;
            }
            if (!Files.exists(path)) {
                throw new RanksException(ErrorClass.ARG, "class path entry " + entry
                        + " does not exist: expected a jar or a directory of classes");
            }
            try {
                new JarFile(path.toFile()).close();
                absolute.add(path);
            } catch (IOException | SecurityException e) {
                throw new RanksException(ErrorClass.ARG, -1, "class path entry " + entry + " is not a readable jar ("
                        + e.getMessage() + "): expected a jar or a directory of classes", e);
            }
        }
        entries = List.copyOf(absolute);
    }

    /**
     * Reads a path list as {@code java -cp} takes it.
     *
     * @param pathList jars and directories separated by {@link File#pathSeparator}, such as
     *     {@code build/classes:lib/tasks.jar}
     * @return the class path
     * @throws RanksException ({@link ErrorClass#ARG}) for an empty list or entry, or an entry that
     *     does not exist or is a file but not a jar
     */
    public static UserClassPath parse(String pathList) {
        String[] parts = pathList.split(File.pathSeparator, -1);
        List<Path> entries = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                throw new RanksException(ErrorClass.ARG, "class path '" + pathList + "' has an empty entry:"
                        + " expected jars and directories separated by '" + File.pathSeparator + "'");
            }
            try {
                entries.add(Path.of(part));
            } catch (InvalidPathException e) {
                throw new RanksException(ErrorClass.ARG, -1, "class path entry " + part + " is not a path ("
                        + e.getReason() + "): expected a jar or a directory of classes", e);
            }
        }
        return new UserClassPath(entries);
    }

    /** @return whether there are no entries */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** @return the entries as a path list that {@link #parse} reads back */
    public String text() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /**
     * A class loader over the entries; it stays open as long as the tasks loaded through it may run.
     *
     * @param parent the loader of the built-in tasks and of {@link TaskProvider} itself
     * @return the loader, or {@code parent} when there are no entries
     */
    ClassLoader loader(ClassLoader parent) {
        if (entries.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new RanksException(ErrorClass.ARG, -1, "class path entry " + entries.get(i)
                        + " has no URL: expected a local jar or directory", e);
            }
        }
        return new URLClassLoader("ranks-user-tasks", urls, parent);
    }

    @Override
    public String toString() {
        return text();
    }
}
