package dev.ranks.workloads.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.testkit.IntracommJobs;
import dev.ranks.crawl.CrawlOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SyntheticSiteTest {
    @Test
    void theGraphIsFixedAndReachesEveryPage() {
        try (SyntheticSite site = SyntheticSite.start(100, 7, Duration.ZERO)) {
            assertEquals(List.of(1, 2, 17, 20, 23, 0), site.links(0));
            assertEquals(List.of(85, 86, 79, 82, 85, 0), site.links(42));
            assertEquals(4, site.depth());
            assertTrue(site.url(8).matches("http://127\\.0\\.0\\.1:\\d+/p/8\\.html"), site.url(8));
            assertEquals(site.url(1).replace("/p/1.", "/p/8."), site.url(8), "pages 1 and 8 share host 1 of 7");
        }
    }

    @Test
    void bothCrawlsFetchEveryPageOnce() {
        try (SyntheticSite site = SyntheticSite.start(60, 5, Duration.ofMillis(1))) {
            CrawlOptions options = CrawlOptions.builder().delay(Duration.ZERO).depth(site.depth()).build();

            SequentialCrawl.Result sequential = SequentialCrawl.run(options, List.of(site.seed()));
            assertEquals(60, sequential.pages());
            assertEquals(0, sequential.errors());
            assertEquals(60, site.pageRequests());

            AtomicReference<CrawlSummary> summary = new AtomicReference<>();
            IntracommJobs.run(3, comm -> {
                CrawlSummary s = CrawlJob.run(comm, options, List.of(site.seed()), CrawlSink.NONE);
                if (s != null) {
                    summary.set(s);
                }
            });
            assertEquals(60, summary.get().pages());
            assertEquals(0, summary.get().errors());
            assertEquals(site.depth() + 1, summary.get().rounds());
            assertEquals(120, site.pageRequests());
        }
    }
}
