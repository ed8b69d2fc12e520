package dev.ranks.workloads.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.crawl.ErrorKind;
import dev.ranks.crawl.PageRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CrawlSummaryTest {
    private static PageRecord page(String url, int rank, long bytes, ErrorKind kind) {
        return new PageRecord(url, url, kind == null ? 200 : 0, "text/html", 1, null, List.of(), List.of(), 5,
                bytes, false, kind, kind == null ? null : "why", rank);
    }

    @Test
    void theTallyCountsPagesErrorsBytesAndRanks() {
        Tally tally = new Tally(3);
        tally.add(List.of(page("http://a/1", 0, 100, null), page("http://a/2", 2, 50, ErrorKind.TIMEOUT)));
        tally.add(List.of(page("http://a/3", 2, 10, ErrorKind.HTTP_4XX), page("http://a/4", 2, 0, ErrorKind.TIMEOUT)));

        CrawlSummary summary = tally.summary(2000, false);

        assertEquals(new CrawlSummary(4, 3, Map.of(ErrorKind.TIMEOUT, 2L, ErrorKind.HTTP_4XX, 1L), 160, 2000, 2,
                List.of(1L, 0L, 3L), false), summary);
        assertEquals(2.0, summary.pagesPerSecond());
        assertEquals(List.of(
                "crawl: 4 pages, 3 errors, 160 bytes in 2.000 s (2.0 pages/s) on 3 ranks, 2 rounds, finished",
                "errors: timeout 2, http_4xx 1",
                "pages per rank: 0: 1, 1: 0, 2: 3"), summary.lines());
    }

    @Test
    void aCutCrawlSaysSo() {
        CrawlSummary summary = new Tally(1).summary(0, true);

        assertEquals("max_pages", summary.finishReason());
        assertEquals(0.0, summary.pagesPerSecond());
        assertEquals("errors: none", summary.lines().get(1));
    }

    @Test
    void theProgressLineRedrawsInPlace() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressLine line = new ProgressLine(new PrintWriter(text), 10, clock::get);

        clock.set(2_000_000_000L);
        line.round(0, List.of(page("http://a/1", 0, 1, null), page("http://a/2", 0, 1, ErrorKind.IO)));
        line.finish(new Tally(1).summary(1, false));

        assertEquals("\r[######------------------------] 2/10 depth 0, 2 pages, 1 errors, 1.0 pages/s"
                + System.lineSeparator(), text.toString());
    }

    @Test
    void withoutAPageLimitTheLineHasNoBar() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), Long.MAX_VALUE, () -> 0);

        line.round(3, List.of(page("http://a/1", 0, 1, null)));

        assertEquals("\rdepth 3, 1 pages, 0 errors, - pages/s", text.toString());
    }
}
