package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.crawl.PageRecord;
import dev.ranks.workloads.crawl.SyntheticSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class CrawlCommandTest {
    private static final String SUMMARY = "crawl: 12 pages, 0 errors, \\d+ bytes in [0-9.]+ s \\([0-9.]+ pages/s\\)"
            + " on 2 ranks, \\d+ rounds, finished";

    @TempDir
    Path dir;

    @Test
    void aCrawlWritesJsonLinesToTheOutFileAndTheSummaryToStderr() throws IOException {
        try (SyntheticSite site = SyntheticSite.start(12, 3, Duration.ZERO)) {
            Path out = dir.resolve("pages.jsonl");

            CliRun run = CliRun.of("-n", "2", "crawl", site.seed(), "--depth", "9", "--delay", "0", "--out",
                    out.toString());

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            List<String> err = run.err().lines().toList();
            assertEquals(3, err.size(), run::toString);
            assertTrue(err.get(0).matches(SUMMARY), run::toString);
            assertEquals("errors: none", err.get(1));
            assertTrue(err.get(2).matches("pages per rank: 0: \\d+, 1: \\d+"), run::toString);
            List<PageRecord> records = Files.readAllLines(out).stream().map(PageRecord::fromJson).toList();
            assertEquals(IntStream.range(0, 12).mapToObj(site::url).sorted().toList(),
                    records.stream().map(PageRecord::url).sorted().toList());
            assertEquals(site.url(0), records.get(0).url());
            assertEquals(0, records.get(0).depth());
            assertEquals("page 0", records.get(0).title());
            assertTrue(records.stream().allMatch(r -> r.status() == 200 && r.rank() < 2), records::toString);
        }
    }

    @Test
    void withoutOutTheLinesGoToStdoutAndSeedsMayComeFromAFile() throws IOException {
        try (SyntheticSite site = SyntheticSite.start(12, 3, Duration.ZERO)) {
            Path seeds = Files.writeString(dir.resolve("seeds.txt"), "# the home page\n" + site.seed() + "\n\n");

            CliRun run = CliRun.of("-n", "2", "crawl", "--seeds", seeds.toString(), "--depth", "1", "--delay", "0");

            assertEquals(0, run.exitCode(), run::toString);
            List<PageRecord> records = run.outLines().stream().map(PageRecord::fromJson).toList();
            // Page 0 links to 1, 2, three hashed pages (5, 8 and 11 of 12) and itself.
            assertEquals(List.of(0, 1, 1, 1, 1, 1), records.stream().map(PageRecord::depth).toList(), run::toString);
            assertTrue(run.err().startsWith("crawl: 6 pages, 0 errors"), run::toString);
        }
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "crawl                                           | no seeds",
        "crawl ftp://example.com/                        | seed URL 'ftp://example.com/' is invalid",
        "crawl example.com                               | seed URL 'example.com' is invalid",
        "crawl http://                                   | seed URL 'http://' is invalid",
        "crawl http://a.example/ http://exa[mple.com/    | seed URL 'http://exa[mple.com/' is invalid",
        "crawl --depth -1 http://example.com/            | depth -1 is negative",
        "crawl --seeds /no/such/seeds.txt                | seeds file '/no/such/seeds.txt' does not exist",
        "crawl --max-pages 0 http://example.com/         | max pages 0 is not positive",
        "crawl --delay 5x http://example.com/            | '5x' is not a duration",
        "crawl --read-timeout 0 http://example.com/      | read timeout PT0S is not positive",
        "crawl --follow script http://example.com/       | follow tag 'script' is unknown",
        "crawl --include ( http://example.com/           | include regex '(' is invalid",
        "crawl --max-bytes 1q http://example.com/        | '1q' is not a byte count",
        "crawl --out /no/such/dir/out.jsonl http://example.com/ | --out '/no/such/dir/out.jsonl': directory '/no/such/dir' does not exist: expected a file in an existing directory",
        "crawl --out / http://example.com/                | --out '/' is a directory: expected a file"})
    void badInputExitsTwoNamingIt(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void aBadLineInTheSeedsFileIsNamed() throws IOException {
        Path seeds = Files.writeString(dir.resolve("seeds.txt"), "http://a.example/\nmailto:x@example.com\n");

        CliRun run = CliRun.of("crawl", "--seeds", seeds.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("seed URL 'mailto:x@example.com' is invalid"), run::toString);
    }
}
