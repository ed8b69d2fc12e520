package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.pipeline.FifoWorker;
import dev.ranks.pipeline.TaskRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FibEngineCommandTest {
    private static final Pattern ENGINE_SUMMARY = Pattern.compile(
            "engine (\\w+): (\\d+) tasks, 0 failed, (\\d+) workers, wall [0-9.]+ ms, [0-9.]+ tasks/s, 0 worker deaths");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes", "ranks", "fifo"})
    void everyEnginePrintsTheRankJobsRowsAndASummary(String engine) {
        List<String> extra = switch (engine) {
            case "ranks" -> List.of("-n", "3");
            case "fifo" -> List.of("--fifo-dir", dir.toString());
            default -> List.of("--workers", "2");
        };
        FifoWorker worker = engine.equals("fifo") ? FifoWorker.serve(dir, TaskRegistry.load(), 2, System.err) : null;
        try {
            List<String> fib = List.of("fib", "1000", "93", "0", "1000", "--engine", engine);
            CliRun run = CliRun.of(engine.equals("ranks") ? concat(extra, fib) : concat(fib, extra));
            assertEquals(0, run.exitCode(), run::toString);
            List<String> lines = run.outLines();
            // the ranks engine's workers are ranks; the others' are workers, and the output calls them so
            String unit = engine.equals("ranks") ? "rank" : "worker";
            assertEquals("n  digits  " + unit + "         ms  value", lines.get(0).strip(), run::toString);
            assertTrue(lines.get(1).matches("1000\\s+209\\s+\\d\\s+[0-9.]+\\s+4346655768…6849228875"), run::toString);
            assertTrue(lines.get(2).matches("\\s*93\\s+20\\s+\\d\\s+[0-9.]+\\s+12200160415121876738"), run::toString);
            assertTrue(lines.get(3).matches("\\s*0\\s+1\\s+\\d\\s+[0-9.]+\\s+0"), run::toString);
            var summary = ENGINE_SUMMARY.matcher(lines.get(lines.size() - 1));
            assertTrue(summary.matches(), run::toString);
            assertEquals(engine, summary.group(1));
            assertEquals("3", summary.group(2), "each distinct input is one task");
            assertTrue(lines.get(lines.size() - 2).matches("fib: 4 inputs \\(3 distinct\\) on [12] " + unit + "s, .*"),
                    run::toString);
            assertTrue(lines.get(lines.size() - 3).matches(unit + " [0-2]: \\d inputs, .*"), run::toString);
            if (engine.equals("ranks")) {
                assertTrue(lines.subList(1, 5).stream().allMatch(l -> l.matches(".*\\s[12]\\s.*")),
                        "worker ranks 1 and 2 compute: " + run);
            }
        } finally {
            if (worker != null) {
                worker.close();
            }
        }
    }

    @Test
    void completionOrderAndJsonAddAnEngineObject() {
        CliRun run = CliRun.of("fib", "30", "10", "--engine", "threads", "--order", "completion", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(lines.size() - 1).matches("\\{\"engine\":\\{\"name\":\"threads\",\"tasks\":2,\"failed\":0,"
                + "\"workers\":\\d+,\"wall_ms\":[0-9.]+,\"tasks_per_s\":[0-9.]+,\"deaths\":0}}"), run::toString);
        assertEquals(2, lines.stream().filter(l -> l.startsWith("{\"n\":")).count(), run::toString);
    }

    @Test
    void withoutEngineTheRankJobRunsAsBefore() {
        CliRun run = CliRun.of("-n", "2", "fib", "10");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().stream().noneMatch(l -> l.startsWith("engine ")), run::toString);
    }

    @Test
    void badEngineOptionsExitTwoNamingTheValue() {
        CliRun bogus = CliRun.of("fib", "10", "--engine", "bogus");
        assertEquals(2, bogus.exitCode(), bogus::toString);
        assertTrue(bogus.err().contains("engine 'bogus' is unknown: expected one of")
                && bogus.err().contains("threads") && bogus.err().contains("fifo"), bogus::toString);
        CliRun missing = CliRun.of("fib", "10", "--engine", "fifo", "--fifo-dir", dir.resolve("none").toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains(dir.resolve("none") + " does not exist"), missing::toString);
        CliRun noDir = CliRun.of("fib", "10", "--engine", "fifo");
        assertEquals(2, noDir.exitCode(), noDir::toString);
        assertTrue(noDir.err().contains("expected --fifo-dir DIR"), noDir::toString);
        CliRun workers = CliRun.of("fib", "10", "--workers", "2");
        assertEquals(2, workers.exitCode(), workers::toString);
        assertTrue(workers.err().contains("--workers is given without --engine"), workers::toString);
        CliRun order = CliRun.of("fib", "10", "--engine", "threads", "--order", "random");
        assertEquals(2, order.exitCode(), order::toString);
        assertTrue(order.err().contains("--order random is invalid"), order::toString);
    }

    private static String[] concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }
}
