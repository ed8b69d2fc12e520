package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bench commands' tables, on sizes and iterations small enough for a test; no timing is asserted. */
class BenchCommandTest {
    @ParameterizedTest
    @CsvSource({"latency, latency(us), x floor", "bw, MiB/s, % of copy"})
    void printsOneRowPerSize(String benchmark, String column, String reference) {
        CliRun run = CliRun.of("-n", "2", "bench", benchmark, "--max-size", "64", "--iterations", "10");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        String heading = lines.stream().filter(line -> line.startsWith("size")).findFirst().orElseThrow();
        assertTrue(heading.contains(column), run::toString);
        assertTrue(heading.contains(reference), run::toString);
        List<String> rows = lines.subList(lines.indexOf(heading) + 1, lines.size());
        assertEquals(List.of("1", "2", "4", "8", "16", "32", "64"),
                rows.stream().map(row -> row.split("\\s+")[0]).toList(), run::toString);
        for (String row : rows) {
            String[] cells = row.split("\\s+");
            assertTrue(Double.parseDouble(cells[1]) >= 0, row);
            assertEquals("10", cells[cells.length - 1], row);
        }
        String steps = "bench " + benchmark + ": ping-pong between ranks 0 and 1, 1 to 64 bytes...\n";
        assertEquals(benchmark.equals("latency")
                ? "bench latency: measuring the floor, a cache line bounced between two threads...\n" + steps : steps,
                run.err(), run::toString);
    }

    @Test
    void bandwidthSaysWhyPercentOfCopyPassesAHundred() {
        CliRun run = CliRun.of("-n", "2", "bench", "bw", "--min-size", "1m", "--max-size", "1m", "--iterations", "5",
                "--warmup", "1");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("# copy MiB/s: System.arraycopy of the same size by one thread on rank 0"),
                run::toString);
        assertTrue(run.out().contains("# % of copy passes 100 from 1 MiB up: the local device splits a copy that large"
                + " between the two ranks' cores"), run::toString);
        assertFalse(BenchBandwidthCommand.notes("mpj").stream().anyMatch(note -> note.contains("passes 100")));
    }

    @ParameterizedTest
    @CsvSource({"3, 1k, 4k, 3", "2, 64k, 128k, 2"})
    void sizesTakeSuffixesAndExtraRanksWait(int ranks, String minSize, String maxSize, long sizes) {
        CliRun run = CliRun.of("-n", String.valueOf(ranks), "bench", "latency", "--min-size", minSize,
                "--max-size", maxSize, "--iterations", "5", "--warmup", "1");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("# ping-pong between ranks 0 and 1 of " + ranks), run::toString);
        long rows = run.outLines().stream().filter(line -> Character.isDigit(line.charAt(0))).count();
        assertEquals(sizes, rows, run::toString);
    }
}
