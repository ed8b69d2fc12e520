package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a user's kernels, OpenCL C, CUDA C or PTX, with the name that build logs and errors call
 * it by: a file's path, a resource's name, or {@value #ANONYMOUS} for a string.
 *
 * @param name what messages call the source, such as {@code histogram.cl}
 * @param text the source itself
 */
public record KernelSource(String name, String text) {
    /** The name of a source given as a bare string, as Clang calls such a translation unit. */
    public static final String ANONYMOUS = "<source>";

    // A kernel's declaration: OpenCL's __kernel/kernel void NAME( and CUDA's __global__ void NAME(.
    private static final Pattern KERNEL = Pattern.compile("\\b(?:__kernel|kernel|__global__)\\s+"
            + "(?:(?:__attribute__\\s*\\(\\(.*?\\)\\)|__launch_bounds__\\s*\\([^)]*\\))\\s*)*void\\s+"
            + "(?:__launch_bounds__\\s*\\([^)]*\\)\\s*)?(\\w+)\\s*\\(");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    /**
     * Checks the fields.
     *
     * @param name what messages call the source
     * @param text the source
     */
    public KernelSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /**
     * A source given as a string, named {@value #ANONYMOUS}.
     *
     * @param text the source
     * @return the source
     */
    public static KernelSource of(String text) {
        return new KernelSource(ANONYMOUS, text);
    }

    /**
     * A source given as a string, with a name for messages.
     *
     * @param name such as {@code stencil.cl}
     * @param text the source
     * @return the source
     */
    public static KernelSource of(String name, String text) {
        return new KernelSource(name, text);
    }

    /**
     * Reads a source file (UTF-8), named by the path as given.
     *
     * @param file the file
     * @return its source
     * @throws RanksException ({@code ARG}) when the file does not exist or cannot be read, naming it
     */
    public static KernelSource read(Path file) {
        try {
            return new KernelSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new RanksException(ErrorClass.ARG, -1, "kernel source " + file + ": no such file", e);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, "kernel source " + file + " cannot be read: " + e, e);
        }
    }

    /**
     * Reads a source from the class path (UTF-8), as {@link Class#getResourceAsStream(String)} finds it:
     * a name relative to the anchor's package, or absolute with a leading {@code /}.
     *
     * @param anchor the class whose loader and package locate the resource
     * @param resource such as {@code histogram.cl}
     * @return its source, named by {@code resource}
     * @throws RanksException ({@code ARG}) when there is no such resource, naming it
     */
    public static KernelSource resource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RanksException(ErrorClass.ARG, "kernel source " + resource + ": no such resource next to "
                        + anchor.getName() + ": expected it in the jar, in " + anchor.getPackageName().replace('.', '/'));
            }
            return new KernelSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, "kernel source " + resource + " cannot be read: " + e, e);
        }
    }

    /**
     * The kernels the text declares ({@code __kernel void NAME(} or {@code __global__ void NAME(}, comments
     * left out), found by pattern rather than by a compiler: what a failed build's message names.
     *
     * @return the kernels' names, in order of declaration
     */
    public List<String> declaredKernels() {
        List<String> names = new ArrayList<>();
        Matcher m = KERNEL.matcher(COMMENT.matcher(text).replaceAll(" "));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
