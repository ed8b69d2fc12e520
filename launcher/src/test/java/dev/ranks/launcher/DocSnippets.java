package dev.ranks.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The fenced code blocks of the Markdown pages a newcomer reads (README.md, docs/*.md,
 * examples/README.md), and javac for the {@code java} ones, so that DocsSnippetsTest can hold every
 * snippet to compiling as shown. Also used on made-up pages, to show that a broken snippet fails.
 */
final class DocSnippets {
    /** The repository's root: Surefire runs in launcher/, and {@code basedir} says so. */
    static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").toAbsolutePath().normalize();

    /** The marker of a block that is deliberately no compilation unit; its path is from the root. */
    private static final Pattern FRAGMENT = Pattern.compile("<!--\\s*fragment:\\s*(\\S+)\\s*-->");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)",
                    Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    /** One file manager for every snippet, so the class path's jars are opened once. */
    private static final StandardJavaFileManager FILES = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

    private DocSnippets() {
    }

    /**
     * A fenced block of a page.
     *
     * @param page the page, relative to the root (as failures print it)
     * @param line the line of the opening fence, counting from 1
     * @param language what follows the opening fence ({@code java}, {@code xml}, or empty)
     * @param text the block's lines, without the fence's indentation
     * @param fragmentOf the file a {@code <!-- fragment: PATH -->} line right before the fence names, or null
     */
    record Snippet(Path page, int line, String language, List<String> text, String fragmentOf) {
        /** @return {@code page:line}, where the block's opening fence is */
        String where() {
            return page + ":" + line;
        }

        /** @return the block as one string, one newline after each line */
        String code() {
            return String.join("\n", text) + "\n";
        }
    }

    /** @return the pages, relative to the root: README.md, docs/*.md in name order, examples/README.md */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
                    .forEach(p -> pages.add(ROOT.relativize(p)));
        }
        pages.add(Path.of("examples", "README.md"));
        return pages;
    }

    /** @return every fenced block of every page, in page and line order */
    static List<Snippet> all() throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path page : pages()) {
            all.addAll(parse(page, Files.readAllLines(ROOT.resolve(page))));
        }
        return all;
    }

    /**
     * Finds the fenced blocks of a page. A block ends at the first fence of its own indentation
     * with no language; an unterminated block is an error, as it would swallow the rest of the page.
     *
     * @param page the page's name, for {@link Snippet#where()}
     * @param lines its lines
     * @return its blocks in order
     */
    static List<Snippet> parse(Path page, List<String> lines) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String fragmentOf = null;
            for (int j = i - 1; j >= 0; j--) {
                if (!lines.get(j).isBlank()) {
                    Matcher marker = FRAGMENT.matcher(lines.get(j).strip());
                    fragmentOf = marker.matches() ? marker.group(1) : null;
                    break;
                }
            }
            List<String> text = new ArrayList<>();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals(indent + "```")) {
                String line = lines.get(end);
                text.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
                end++;
            }
            if (end == lines.size()) {
                throw new AssertionError(page + ":" + (i + 1) + ": a ``` block that never ends");
            }
            snippets.add(new Snippet(page, i + 1, open.group(2), List.copyOf(text), fragmentOf));
            i = end;
        }
        return snippets;
    }

    /**
     * Compiles a {@code java} block as one source file against this test's class path, which holds
     * every Ranks module. The file is named after the block's public type ({@code Snippet} when it
     * has none), so that a block must be a whole compilation unit: package (optional), imports, a
     * type.
     *
     * @param snippet the block
     * @param classes where the classes go
     * @return nothing when it compiles; otherwise each error with the page's line, as
     *     {@code docs/tutorial.md:141: error: cannot find symbol ...}
     */
    static Optional<String> compile(Snippet snippet, Path classes) throws IOException {
        String code = snippet.code();
        Matcher type = PUBLIC_TYPE.matcher(code);
        Matcher pkg = PACKAGE.matcher(code);
        String name = (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + (type.find() ? type.group(1) : "Snippet");
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none", "-implicit:none");
        boolean ok = JAVAC.getTask(null, FILES, diagnostics, options, null, List.of(source)).call();
        if (ok) {
            return Optional.empty();
        }
        StringBuilder report = new StringBuilder(snippet.where() + ": this ```java block does not compile as shown"
                + " (make it a whole compilation unit, or mark it <!-- fragment: PATH --> and link a complete file):");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                // the block's first line is the one after the fence
                report.append('\n').append(snippet.page()).append(':').append(snippet.line() + d.getLineNumber())
                        .append(": error: ").append(d.getMessage(Locale.ROOT));
            }
        }
        return Optional.of(report.toString());
    }

    /**
     * Splits a command line as a shell would, up to a comment, {@code &}, {@code ;}, a pipe or a
     * redirection; the pages' {@code bcast|alltoall} alternatives thus parse as their first.
     *
     * @param line the command line, without the command
     * @return its words, quotes removed
     */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if ("&;|>".indexOf(c) >= 0 || (c == '#' && word == null)) {
                break;
            } else {
                word = word == null ? new StringBuilder().append(c) : word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
