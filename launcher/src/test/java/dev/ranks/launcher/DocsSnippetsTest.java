package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ranks.launcher.DocSnippets.Snippet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * Every ```java block of README.md, docs/*.md and examples/README.md compiles as shown, against
 * this module's test class path (every Ranks module), or is marked {@code <!-- fragment: PATH -->}
 * and names a file that exists and declares what the block calls. A program block followed at once
 * by a {@code $ bin/launcher ... run} block prints what that block shows, and so does the tutorial's
 * deadlock recipe. Every {@code bin/launcher} line of a shell block parses. The BOM's
 * coordinates in the ```xml blocks are bom/pom.xml's.
 *
 * <p>A failure names the page and line, so a reader of the report goes straight to the block.
 */
class DocsSnippetsTest {
    /** Commands whose shown output is checked although no snippet precedes them: they are exact. */
    private static final List<String> CHECKED_COMMANDS = List.of("bin/launcher -n 9 deadlock");

    private static final Pattern CALLED = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*\\(");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "return", "new", "throw", "try", "else");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAsShownOrLinksACompleteFile() throws IOException {
        List<Snippet> java = DocSnippets.all().stream().filter(s -> s.language().equals("java")).toList();
        // a parser that found nothing would pass every page
        assertTrue(java.size() >= 25, () -> "only " + java.size() + " ```java blocks found");
        return java.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> check(s)));
    }

    private void check(Snippet snippet) throws IOException {
        if (snippet.fragmentOf() != null) {
            checkFragment(snippet);
            return;
        }
        Optional<String> errors = DocSnippets.compile(snippet, dir.resolve("classes"));
        errors.ifPresent(e -> fail(e));
    }

    /** A fragment's file exists, and every method or type it calls by name is in that file. */
    private static void checkFragment(Snippet snippet) throws IOException {
        Path file = DocSnippets.ROOT.resolve(snippet.fragmentOf());
        assertTrue(Files.isRegularFile(file), () -> snippet.where() + ": the fragment's file "
                + snippet.fragmentOf() + " does not exist (the path is from the repository's root)");
        String source = Files.readString(file);
        Matcher called = CALLED.matcher(snippet.code().replaceAll("//.*", ""));
        while (called.find()) {
            String name = called.group(1);
            assertTrue(KEYWORDS.contains(name) || source.contains(name + "("), () -> snippet.where() + ": the fragment calls "
                    + name + "(...), which " + snippet.fragmentOf() + " never mentions");
        }
    }

    @Test
    void aBlockThatDoesNotCompileFailsNamingItsPageAndTheErrorsLine() throws IOException {
        List<Snippet> page = DocSnippets.parse(Path.of("docs/made-up.md"), List.of(
                "# A page",
                "",
                "```java",
                "public final class Broken {",
                "    int rank() { return comm.rank(); }",
                "}",
                "```"));

        Optional<String> errors = DocSnippets.compile(page.get(0), dir.resolve("broken"));

        assertTrue(errors.isPresent());
        assertTrue(errors.get().startsWith("docs/made-up.md:3: this ```java block does not compile"), errors::get);
        assertTrue(errors.get().contains("\ndocs/made-up.md:5: error: cannot find symbol"), errors::get);
    }

    @Test
    void aBlockWithoutAClassDoesNotCompileAndAWholeOneDoes() throws IOException {
        List<Snippet> page = DocSnippets.parse(Path.of("x.md"), List.of(
                "```java",
                "import java.util.List;",
                "List<Integer> xs = List.of(1);",
                "```",
                "<!-- fragment: README.md -->",
                "",
                "```java",
                "package a.b;",
                "import java.util.List;",
                "public record Xs(List<Integer> xs) { }",
                "```"));

        assertTrue(DocSnippets.compile(page.get(0), dir.resolve("0")).isPresent());
        assertEquals(null, page.get(0).fragmentOf());
        assertEquals("README.md", page.get(1).fragmentOf());
        assertEquals(Optional.empty(), DocSnippets.compile(page.get(1), dir.resolve("1")));
        assertTrue(Files.isRegularFile(dir.resolve("1/a/b/Xs.class")));
    }

    @TestFactory
    Stream<DynamicTest> aProgramPrintsWhatTheBlockAfterItShows() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : DocSnippets.pages()) {
            List<String> lines = Files.readAllLines(DocSnippets.ROOT.resolve(page));
            List<Snippet> blocks = DocSnippets.parse(page, lines);
            for (int i = 0; i + 1 < blocks.size(); i++) {
                Snippet program = blocks.get(i);
                Snippet shown = blocks.get(i + 1);
                int end = program.line() + program.text().size() + 1;
                boolean adjacent = lines.subList(end, shown.line() - 1).stream().allMatch(String::isBlank);
                if (program.language().equals("java") && program.fragmentOf() == null && adjacent
                        && shown.language().isEmpty() && shown.text().get(0).matches("\\$ (bin/launcher .* run|java -cp) .*")) {
                    tests.add(DynamicTest.dynamicTest(shown.where(), () -> {
                        Path classes = dir.resolve(program.where().replaceAll("\\W", "-"));
                        DocSnippets.compile(program, classes).ifPresent(e -> fail(e));
                        checkSession(shown, classes);
                    }));
                }
            }
        }
        // the README's Hello and the tutorial's programs at least
        assertTrue(tests.size() >= 4, () -> "only " + tests.size() + " program outputs found");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> exactCommandsPrintWhatTheirBlocksShow() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Snippet s : DocSnippets.all()) {
            if (s.language().isEmpty() && !s.text().isEmpty() && CHECKED_COMMANDS.stream().anyMatch(c -> s.text().get(0).equals("$ " + c))) {
                tests.add(DynamicTest.dynamicTest(s.where(), () -> checkSession(s, null)));
            }
        }
        assertEquals(CHECKED_COMMANDS.size(), tests.size(), "each checked command is shown once");
        return tests.stream();
    }

    /**
     * Runs each {@code $ bin/launcher ...} line of a block in-process and compares the lines after
     * it: the ranks' standard output in any order (ranks print concurrently), then standard error
     * in order, as a terminal shows a job that fails after its ranks printed. {@code $ echo $?} shows
     * the previous command's exit code.
     *
     * @param block the block
     * @param classes what {@code --class-path} becomes, or null to leave it
     */
    private static void checkSession(Snippet block, Path classes) throws Exception {
        List<String> text = block.text();
        int previousExit = -1;
        for (int i = 0; i < text.size(); ) {
            String command = text.get(i);
            assertTrue(command.startsWith("$ "), () -> block.where() + ": expected a '$ ' command line, found: " + command);
            int next = i + 1;
            while (next < text.size() && !text.get(next).startsWith("$ ")) {
                next++;
            }
            List<String> shown = text.subList(i + 1, next);
            String where = block.page() + ":" + (block.line() + 1 + i);
            if (command.equals("$ echo $?")) {
                assertEquals(List.of(Integer.toString(previousExit)), shown, where + ": the exit code");
            } else {
                List<String> args = new ArrayList<>(List.of(command.substring(2).trim().split("\\s+")));
                Output run;
                if (args.get(0).equals("java") && args.get(1).equals("-cp") && classes != null) {
                    run = java(classes, args.get(3), args.subList(4, args.size()).toArray(String[]::new));
                } else {
                    assertEquals("bin/launcher", args.remove(0), () -> where + ": only bin/launcher, java -cp and echo $? are run");
                    int cp = args.indexOf("--class-path");
                    if (classes != null && cp >= 0) {
                        args.set(cp + 1, classes.toString());
                    }
                    run = run(args.toArray(String[]::new));
                }
                previousExit = run.exitCode();
                List<String> out = run.out().lines().sorted().toList();
                List<String> err = run.err().lines().toList();
                String report = where + ": `" + command.substring(2) + "` printed (exit " + run.exitCode() + ")\n--- stdout\n"
                        + run.out() + "--- stderr\n" + run.err() + "--- but the page shows\n" + String.join("\n", shown);
                assertEquals(out.size() + err.size(), shown.size(), report);
                assertEquals(out, shown.subList(0, out.size()).stream().sorted().toList(), report);
                assertEquals(err, shown.subList(out.size(), shown.size()), report);
            }
            i = next;
        }
    }

    private record Output(int exitCode, String out, String err) {
    }

    /** The launcher in-process, with the ranks' own System.out captured beside its writers. */
    private static synchronized Output run(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CliRun run = CliRun.of(args);
            return new Output(run.exitCode(), captured.toString(StandardCharsets.UTF_8) + run.out(), run.err());
        } finally {
            System.setOut(stdout);
        }
    }

    /**
     * {@code java -cp launcher.jar:classes CLASS ARGS}: the snippet's class from its own directory,
     * Ranks from this JVM, which is what the launcher jar holds. Its {@code main} must return, as
     * {@code System.exit} would end the test's JVM.
     */
    private static synchronized Output java(Path classes, String name, String[] args) throws Exception {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocsSnippetsTest.class.getClassLoader())) {
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            exit = 1;
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Every {@code bin/launcher} line of a shell or plain block parses with the launcher's own
     * command line, so the subcommands and options the pages name exist and take what they are
     * given. Synopses with {@code [optional]} parts are skipped; nothing is run.
     */
    @Test
    void everyLauncherCommandInABlockParses() throws IOException {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (Snippet s : DocSnippets.all()) {
            if (!s.language().isEmpty() && !s.language().equals("sh")) {
                continue;
            }
            for (int i = 0; i < s.text().size(); i++) {
                String line = s.text().get(i).strip().replaceFirst("^\\$ ", "");
                int first = i;
                while (line.endsWith("\\") && i + 1 < s.text().size()) {
                    line = line.substring(0, line.length() - 1) + " " + s.text().get(++i).strip();
                }
                if (!line.startsWith("bin/launcher ") || line.contains("[")) {
                    continue;
                }
                List<String> args = DocSnippets.shellWords(line.substring("bin/launcher ".length()));
                parsed++;
                try {
                    Launcher.commandLine().parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    failures.add(s.page() + ":" + (s.line() + 1 + first) + ": bin/launcher " + String.join(" ", args)
                            + "\n    " + e.getMessage());
                }
            }
        }
        assertTrue(parsed >= 100, "only " + parsed + " bin/launcher lines found");
        assertEquals(List.of(), failures, () -> String.join("\n", failures));
    }

    @Test
    void xmlBlocksImportTheBomAtItsCoordinatesAndDependOnlyOnWhatItManages() throws Exception {
        Document bom = xml(Files.readString(DocSnippets.ROOT.resolve("bom/pom.xml")));
        Element project = bom.getDocumentElement();
        String group = child(project, "groupId");
        String version = child(project, "version");
        Set<String> managed = new TreeSet<>();
        NodeList managedDeps = project.getElementsByTagName("dependency");
        for (int i = 0; i < managedDeps.getLength(); i++) {
            managed.add(child((Element) managedDeps.item(i), "artifactId"));
        }

        int checked = 0;
        for (Snippet s : DocSnippets.all()) {
            if (!s.language().equals("xml") || !s.code().contains(child(project, "artifactId"))) {
                continue;
            }
            checked++;
            Element snippet = xml("<snippet>" + s.code() + "</snippet>").getDocumentElement();
            Map<String, String> properties = new HashMap<>();
            NodeList props = snippet.getElementsByTagName("properties");
            for (int i = 0; i < props.getLength(); i++) {
                for (Node n = props.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        properties.put("${" + e.getTagName() + "}", e.getTextContent().strip());
                    }
                }
            }
            NodeList deps = snippet.getElementsByTagName("dependency");
            int imports = 0;
            for (int i = 0; i < deps.getLength(); i++) {
                Element dep = (Element) deps.item(i);
                String artifact = child(dep, "artifactId");
                assertEquals(group, child(dep, "groupId"), s.where() + ": " + artifact + "'s groupId");
                if (artifact.equals(child(project, "artifactId"))) {
                    imports++;
                    assertEquals(version, properties.getOrDefault(child(dep, "version"), child(dep, "version")),
                            s.where() + ": the BOM's version");
                    assertEquals("pom", child(dep, "type"), s.where());
                    assertEquals("import", child(dep, "scope"), s.where());
                } else {
                    assertTrue(managed.contains(artifact), () -> s.where() + ": " + artifact + " is not in the BOM: " + managed);
                    assertEquals(0, dep.getElementsByTagName("version").getLength(),
                            s.where() + ": " + artifact + " takes its version from the BOM");
                }
            }
            assertEquals(1, imports, s.where() + ": the BOM is imported once");
        }
        assertTrue(checked >= 2, "README.md's and docs/api.md's BOM blocks");
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of an element's direct child, or null; a pom's parent section would otherwise shadow it. */
    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
