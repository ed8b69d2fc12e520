package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Holds docs/books.md, the table of the books' examples, to what it claims: each row's status is one
 * of equivalent, partial or missing; a row with a Ranks counterpart names the test methods that check
 * it, and those methods exist in the repository's test sources (examples/ included); a row without
 * one names none; every {@code bin/launcher} command of the table parses; every
 * {@code books.NAME} class exists in the examples project; and the page's "Counts:" line is the
 * table's. The tests named are what runs each row; this test keeps the page from naming tests that
 * are not there.
 */
class BooksTableTest {
    private static final Path PAGE = Path.of("docs", "books.md");
    private static final Pattern TEST = Pattern.compile("([A-Z]\\w*)#(\\w+)");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern COUNTS = Pattern.compile("^Counts: (\\d+) equivalent, (\\d+) partial, (\\d+) missing\\.$");
    private static final List<String> STATUSES = List.of("equivalent", "partial", "missing");

    /**
     * A row of one of the page's tables.
     *
     * @param line the page's line, counting from 1
     * @param cells the cells: example, what the book prints, on Ranks, status, tested by
     */
    private record Row(int line, List<String> cells) {
        String where() {
            return PAGE + ":" + line;
        }
    }

    @Test
    void everyRowIsTestedByTestsThatExistAndTheCountsAreTheTables() throws IOException {
        List<String> lines = Files.readAllLines(DocSnippets.ROOT.resolve(PAGE));
        List<Row> rows = rows(lines);
        assertTrue(rows.size() >= 60, () -> "only " + rows.size() + " rows in " + PAGE);

        Map<String, Path> testSources = testSources();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Row row : rows) {
            if (row.cells().size() != 5) {
                failures.add(row.where() + ": " + row.cells().size() + " cells, expected 5 (a | inside a cell?)");
                continue;
            }
            String status = row.cells().get(3);
            if (!STATUSES.contains(status)) {
                failures.add(row.where() + ": status '" + status + "', expected one of " + STATUSES);
                continue;
            }
            counts.merge(status, 1, Integer::sum);
            Matcher test = TEST.matcher(row.cells().get(4));
            if (status.equals("missing")) {
                if (test.find() || !row.cells().get(4).equals("—")) {
                    failures.add(row.where() + ": a missing row names no test, expected —");
                }
                continue;
            }
            int tests = 0;
            while (test.find()) {
                tests++;
                checkTest(row, test.group(1), test.group(2), testSources).ifPresent(failures::add);
            }
            if (tests == 0) {
                failures.add(row.where() + ": an " + status + " row names no Class#method that tests it");
            }
            checkRanksCell(row).forEach(failures::add);
        }
        assertEquals(List.of(), failures, () -> String.join("\n", failures));

        String expected = "Counts: " + counts.getOrDefault("equivalent", 0) + " equivalent, "
                + counts.getOrDefault("partial", 0) + " partial, " + counts.getOrDefault("missing", 0) + " missing.";
        assertEquals(List.of(expected), lines.stream().filter(l -> COUNTS.matcher(l).matches()).toList(),
                PAGE + " states the table's counts once");
    }

    /** @return the rows of every table whose header has "status" and "tested by", with their lines */
    private static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.contains("status") && cells.contains("tested by")) {
                inTable = true;
                i++; // the |---| line
                continue;
            }
            if (inTable) {
                rows.add(new Row(i + 1, cells));
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Stream.of(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** @return every test source of the repository by class name: each module's and examples/' src/test/java */
    private static Map<String, Path> testSources() throws IOException {
        Map<String, Path> sources = new TreeMap<>();
        List<Path> roots;
        try (Stream<Path> modules = Files.list(DocSnippets.ROOT)) {
            roots = modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList();
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> sources.put(p.getFileName().toString().replaceFirst("\\.java$", ""), p));
            }
        }
        return sources;
    }

    private static Optional<String> checkTest(Row row, String type, String method, Map<String, Path> sources) {
        Path source = sources.get(type);
        if (source == null) {
            return Optional.of(row.where() + ": no test class " + type + " under any src/test/java");
        }
        try {
            String text = Files.readString(source);
            // the annotation, then other annotations (their arguments may hold braces), then the method
            Pattern declared = Pattern.compile("@(Test|ParameterizedTest)\\b(?:(?!\\bvoid\\b).){0,1000}?\\bvoid\\s+"
                    + Pattern.quote(method) + "\\s*\\(", Pattern.DOTALL);
            return declared.matcher(text).find() ? Optional.empty()
                    : Optional.of(row.where() + ": " + type + " has no test method " + method);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The "on Ranks" cell: its launcher commands parse, and the example classes it names exist. */
    private static List<String> checkRanksCell(Row row) {
        List<String> failures = new ArrayList<>();
        Matcher code = CODE.matcher(row.cells().get(2));
        while (code.find()) {
            String span = code.group(1);
            if (span.startsWith("bin/launcher ")) {
                List<String> args = DocSnippets.shellWords(span.substring("bin/launcher ".length()));
                try {
                    Launcher.commandLine().parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    failures.add(row.where() + ": " + span + "\n    " + e.getMessage());
                }
            } else if (span.matches("books\\.[A-Z]\\w*(\\s.*)?")) {
                String name = span.split("\\s")[0].substring("books.".length());
                Path source = DocSnippets.ROOT.resolve("examples/src/main/java/dev/ranks/examples/books/" + name + ".java");
                if (!Files.isRegularFile(source)) {
                    failures.add(row.where() + ": no example " + source);
                }
            }
        }
        return failures;
    }
}
