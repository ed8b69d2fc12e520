package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code launcher bench crawl} on a tiny site: the table's shape, not its figures. */
class CrawlBenchCommandTest {
    @Test
    void printsTheSequentialRowThenOneRowPerRankCount() {
        CliRun run = CliRun.of("bench", "crawl", "--pages", "30", "--hosts", "3", "--latency", "1ms", "--ranks", "1,3");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(List.of("# crawl: 30 pages on 3 hosts, 1 ms latency per page, --delay 0",
                "# x seq = pages/s over the one-thread sequential crawl's, measured in this run"),
                lines.subList(0, 2), run::toString);
        assertTrue(lines.get(2).matches("\\s*ranks\\s+pages\\s+errors\\s+seconds\\s+pages/s\\s+x seq"), run::toString);
        assertTrue(lines.get(3).matches("\\s*seq\\s+30\\s+0\\s+[0-9.]+\\s+[0-9.]+\\s+1\\.00"), run::toString);
        assertTrue(lines.get(4).matches("\\s*1\\s+30\\s+0\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+"), run::toString);
        assertTrue(lines.get(5).matches("\\s*3\\s+30\\s+0\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+"), run::toString);
        assertEquals(6, lines.size(), run::toString);
        assertEquals(List.of("bench crawl: serving 30 pages on 3 hosts...",
                "bench crawl: crawling with one thread (fetch, parse, next)...", "bench crawl: crawling on 1 rank...",
                "bench crawl: crawling on 3 ranks..."), run.err().lines().toList(), run::toString);
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "bench crawl --ranks 0               | --ranks 0 is invalid",
        "bench crawl --pages 10 --hosts 11   | --hosts 11 is invalid",
        "bench crawl --pages 0               | --pages 0 is invalid",
        "bench crawl --latency fast          | 'fast' is not a duration"})
    void badInputExitsTwoNamingIt(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
    }
}
