package dev.ranks.workloads.programs;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The class loader of a user's classes in one rank (or, with shared classes, in the whole job):
 * a {@link URLClassLoader} over the user's class path whose parent is the launcher's loader, so
 * that Ranks' own API is one set of classes for every rank while each rank has its own copy of the
 * user's classes and so of their static fields, as MPJ Express's multicore device does. Classes
 * are rewritten as they load so that {@code System.exit} ends the rank, not the JVM
 * ({@link ProgramExit}).
 *
 * <p>The loader is named ({@code rank-R}, or {@code ranks} when shared), and stack traces show
 * the name before users' frames.
 */
public final class RankClassLoader extends URLClassLoader {
    /** The prefix of every such loader's name. */
    static final String NAME_PREFIX = "rank";

    static {
        registerAsParallelCapable();
    }

    /**
     * @param name the loader's name, shown in stack traces
     * @param classPath the user's class path
     * @param parent the loader of Ranks' own classes
     */
    RankClassLoader(String name, URL[] classPath, ClassLoader parent) {
        super(name, classPath, parent);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        Manifest manifest = null;
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                manifest = jar.getManifest();
            }
            try (InputStream in = connection.getInputStream()) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read " + url + ": " + e.getMessage(), e);
        }
        byte[] rewritten;
        try {
            rewritten = ExitCalls.rewrite(bytes);
        } catch (RuntimeException e) {
            // A class file ASM cannot read (a newer format than it knows): load it as it is.
            rewritten = bytes;
        }
        definePackageOf(name, manifest);
        CodeSource source = new CodeSource(codeBase(url, path), (CodeSigner[]) null);
        return defineClass(name, rewritten, 0, rewritten.length, source);
    }

    private void definePackageOf(String className, Manifest manifest) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        try {
            if (manifest != null) {
                Attributes main = manifest.getMainAttributes();
                definePackage(pkg, main.getValue(Attributes.Name.SPECIFICATION_TITLE),
                        main.getValue(Attributes.Name.SPECIFICATION_VERSION), main.getValue(Attributes.Name.SPECIFICATION_VENDOR),
                        main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                        main.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                        main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
            } else {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException raced) {
            // Another thread of this parallel-capable loader defined it first.
        }
    }

    /** The jar or directory a class came from: its URL less the class's own path. */
    private static URL codeBase(URL url, String path) {
        try {
            if (url.getProtocol().equals("jar")) {
                return ((JarURLConnection) url.openConnection()).getJarFileURL();
            }
            String s = url.toString();
            return s.endsWith(path) ? new URL(s.substring(0, s.length() - path.length())) : url;
        } catch (IOException e) {
            return url;
        }
    }
}
