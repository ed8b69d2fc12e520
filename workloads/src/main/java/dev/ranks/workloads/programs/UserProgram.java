package dev.ranks.workloads.programs;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.KernelBuildException;
import dev.ranks.pipeline.UserClassPath;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * A user's program, resolved from what {@code launcher run} was given (a class name and a class
 * path, or a jar) and checked before any rank starts: the class exists and is either a
 * {@link RankProgram} with a public no-argument constructor or has
 * {@code public static void main(String[])}. {@link #ranks(String[], boolean)} then gives what
 * every rank of the job runs.
 *
 * <p>A jar names its class in its manifest: the attribute {@value #PROGRAM_ATTRIBUTE} if present,
 * otherwise {@code Main-Class}. The jar's own {@code Class-Path} attribute is followed, as
 * {@code java -jar} does.
 */
public final class UserProgram {
    /** The manifest attribute naming the program's class in a jar, before {@code Main-Class}. */
    public static final String PROGRAM_ATTRIBUTE = "Ranks-Program";

    private static final Pattern BINARY_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(\\$\\p{javaJavaIdentifierPart}+)*");
    private static final String EXPECTED = "expected a public class that implements dev.ranks.collectives.RankProgram"
            + " (with a public no-argument constructor) or has public static void main(String[] args); see docs/tutorial.md";

    /** The two entry styles. */
    public enum Style {
        /** A {@link RankProgram}: one instance per rank, handed the world communicator. */
        RANK_PROGRAM,
        /** A {@code public static void main(String[])} that calls {@link Intracomm#world()}. */
        MAIN
    }

    private final String className;
    private final List<Path> classPath;
    private final Style style;

    private UserProgram(String className, List<Path> classPath, Style style) {
        this.className = className;
        this.classPath = List.copyOf(classPath);
        this.style = style;
    }

    /**
     * Resolves and checks a program.
     *
     * @param target a class's binary name (such as {@code com.example.Pi}) or a jar's path
     * @param classPath where the user's classes are, in order, each entry checked to exist; a jar
     *     target comes before them
     * @return the program
     * @throws RanksException ({@link ErrorClass#USAGE}) naming what was given and what was expected:
     *     a missing jar or class, a file that is not a jar, a jar that names no class, a class of
     *     neither style
     */
    public static UserProgram resolve(String target, UserClassPath classPath) {
        List<Path> path = new ArrayList<>();
        String className;
        if (looksLikeJar(target)) {
            Path jar = Path.of(target);
            className = mainClassOf(jar);
            path.add(jar.toAbsolutePath());
        } else {
            className = checkClassName(target);
        }
        path.addAll(classPath.entries());
        return new UserProgram(className, path, styleOf(className, path));
    }

    /** @return the class each rank runs */
    public String className() {
        return className;
    }

    /** @return the class path, absolute, with a jar target first */
    public List<Path> classPath() {
        return classPath;
    }

    /** @return how the class is entered */
    public Style style() {
        return style;
    }

    /**
     * What every rank of a job runs: it loads the class (in the rank's own {@link RankClassLoader}
     * unless {@code sharedClasses}), makes the loader the thread's context loader, and enters the
     * program. An exception from the program fails the rank with the program's stack trace, less
     * the frames of Ranks' machinery below the program's entry; {@code System.exit} is handled by
     * {@link ProgramExit}. Close it after the job to release the loaders.
     *
     * @param args the program's arguments; each rank gets its own copy
     * @param sharedClasses one loader for every rank, so that static fields are shared between ranks
     * @return the ranks' program
     */
    public Ranks ranks(String[] args, boolean sharedClasses) {
        return new Ranks(this, args.clone(), sharedClasses);
    }

    /** The ranks' side of a {@link UserProgram}: an {@link IntracommMain} that owns its class loaders. */
    public static final class Ranks implements IntracommMain, AutoCloseable {
        private final UserProgram program;
        private final String[] args;
        private final URL[] urls;
        private final RankClassLoader shared;
        private final List<RankClassLoader> loaders = new ArrayList<>();
        private volatile boolean kernelBuildFailed;

        private Ranks(UserProgram program, String[] args, boolean sharedClasses) {
            this.program = program;
            this.args = args;
            this.urls = urls(program.classPath);
            this.shared = sharedClasses ? track(new RankClassLoader(RankClassLoader.NAME_PREFIX + "s", urls, parent()))
                    : null;
        }

        @Override
        public void run(Intracomm world) throws Exception {
            ClassLoader loader = shared != null ? shared
                    : track(new RankClassLoader(RankClassLoader.NAME_PREFIX + "-" + world.rank(), urls, parent()));
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                enter(Class.forName(program.className, true, loader), world);
            } catch (ProgramExit exit) {
                // System.exit(0): the rank ends as if the program had returned.
            } catch (ExceptionInInitializerError e) {
                throw trimmed(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        private void enter(Class<?> type, Intracomm world) throws Exception {
            try {
                if (program.style == Style.RANK_PROGRAM) {
                    RankProgram rankProgram = (RankProgram) type.getConstructor().newInstance();
                    rankProgram.run(world, args.clone());
                } else {
                    type.getMethod("main", String[].class).invoke(null, (Object) args.clone());
                }
            } catch (InvocationTargetException e) {
                throw trimmed(noteKernelBuild(e.getCause()));
            } catch (ProgramExit exit) {
                throw exit;
            } catch (Exception | Error e) {
                throw trimmed(noteKernelBuild(e));
            }
        }

        /**
         * Whether a rank failed because a kernel of the user's did not compile: bad input, like a
         * source file that does not compile, rather than a failure of the program's logic.
         *
         * @return whether a rank of the job threw a {@link KernelBuildException}, or one caused by it
         */
        public boolean kernelBuildFailed() {
            return kernelBuildFailed;
        }

        private Throwable noteKernelBuild(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof KernelBuildException) {
                    kernelBuildFailed = true;
                }
            }
            return t;
        }

        private synchronized RankClassLoader track(RankClassLoader loader) {
            loaders.add(loader);
            return loader;
        }

        /** Closes the loaders; call after the job, when no rank runs the program any more. */
        @Override
        public synchronized void close() {
            loaders.forEach(UserProgram::release);
            loaders.clear();
        }
    }

    /**
     * Cuts the frames below the program's deepest frame (reflection, the rank's thread) off a
     * throwable, so that the report shows the program's own trace; an {@link Error} stays an error.
     */
    private static Exception trimmed(Throwable t) {
        if (t instanceof ProgramExit exit) {
            throw exit;
        }
        trimBelowUserFrames(t);
        if (t instanceof Error e) {
            throw e;
        }
        return (Exception) t;
    }

    /**
     * Cuts the frames below the deepest frame of a class a {@link RankClassLoader} loaded, if any.
     *
     * @param t the throwable, changed in place
     */
    static void trimBelowUserFrames(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            String loader = frames[i].getClassLoaderName();
            if (loader != null && loader.startsWith(RankClassLoader.NAME_PREFIX)) {
                last = i;
            }
        }
        if (last >= 0 && last < frames.length - 1) {
            t.setStackTrace(Arrays.copyOf(frames, last + 1));
        }
    }

    private static ClassLoader parent() {
        return UserProgram.class.getClassLoader();
    }

    private static URL[] urls(List<Path> classPath) {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw usage("class path entry '" + classPath.get(i) + "' is not a usable path: " + e.getMessage());
            }
        }
        return urls;
    }

    private static boolean looksLikeJar(String target) {
        // A path with a slash is never a binary name, so a file of any name that cannot be a class is a jar.
        return target.toLowerCase(Locale.ROOT).endsWith(".jar")
                || (!BINARY_NAME.matcher(target).matches() && Files.isRegularFile(Path.of(target)));
    }

    private static String mainClassOf(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw usage("jar '" + jar + "' does not exist: expected the path of a jar file, or a class name with"
                    + " --class-path");
        }
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw usage("'" + jar + "' is not a jar (" + e.getMessage() + "): expected a jar file whose manifest names"
                    + " its class in " + PROGRAM_ATTRIBUTE + " or Main-Class");
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(PROGRAM_ATTRIBUTE);
        if (name == null && manifest != null) {
            name = manifest.getMainAttributes().getValue("Main-Class");
        }
        if (name == null || name.isBlank()) {
            throw usage("jar '" + jar + "' names no class to run: expected a " + PROGRAM_ATTRIBUTE + " or Main-Class"
                    + " attribute in its manifest, or run a class by name: run --class-path " + jar + " CLASS");
        }
        return checkClassName(name.strip());
    }

    private static String checkClassName(String name) {
        if (name.isEmpty()) {
            throw usage("no class given: expected a class name (such as com.example.Pi) or a jar");
        }
        if (!BINARY_NAME.matcher(name).matches()) {
            String hint = name.endsWith(".class") || name.contains("/") || name.contains(java.io.File.separator)
                    ? " (it looks like a file: give the class's name, such as com.example.Pi, and the directory above"
                    + " its package in --class-path)" : "";
            throw usage("'" + name + "' is not a class name" + hint + ": expected a binary name such as com.example.Pi,"
                    + " or a jar");
        }
        return name;
    }

    private static Style styleOf(String className, List<Path> classPath) {
        RankClassLoader probe = new RankClassLoader(RankClassLoader.NAME_PREFIX + "-check", urls(classPath), parent());
        try {
            Class<?> type;
            try {
                type = Class.forName(className, false, probe);
            } catch (ClassNotFoundException e) {
                throw usage("class '" + className + "' was not found in "
                        + (classPath.isEmpty() ? "the launcher's class path (no --class-path was given)"
                        : "--class-path " + classPath) + ": " + EXPECTED);
            } catch (LinkageError e) {
                throw usage("class '" + className + "' cannot be loaded (" + e + "): " + EXPECTED);
            }
            return styleOf(type);
        } finally {
            release(probe);
        }
    }

    /** Closes a loader; one whose jar cannot be closed only keeps its file handle until the JVM exits. */
    private static void release(RankClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing to do: see above
        }
    }

    private static Style styleOf(Class<?> type) {
        String name = type.getName();
        try {
            if (RankProgram.class.isAssignableFrom(type)) {
                if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
                    throw usage("class '" + name + "' implements RankProgram but is not a public concrete class: " + EXPECTED);
                }
                try {
                    type.getConstructor();
                } catch (NoSuchMethodException e) {
                    throw usage("class '" + name + "' implements RankProgram but has no public no-argument constructor: "
                            + EXPECTED);
                }
                return Style.RANK_PROGRAM;
            }
            Method main;
            try {
                main = type.getMethod("main", String[].class);
            } catch (NoSuchMethodException e) {
                throw usage("class '" + name + "' is neither a RankProgram nor has a main method: " + EXPECTED);
            }
            if (!Modifier.isStatic(main.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                throw usage("class '" + name + "' has a main method that is not public static in a public class: " + EXPECTED);
            }
            return Style.MAIN;
        } catch (LinkageError e) {
            throw usage("class '" + name + "' cannot be linked (" + e + "): " + EXPECTED);
        }
    }

    private static RanksException usage(String message) {
        return new RanksException(ErrorClass.USAGE, message);
    }
}
