package dev.ranks.workloads.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.testkit.IntracommJobs;
import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.ErrorKind;
import dev.ranks.crawl.PageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crawls {@link TestSite} for real, over 1, 2, 3 and 5 ranks, and checks the exact pages, depths
 * and links found, the requests the servers saw (none twice, none disallowed, none closer together
 * than the delay) and the summary, and that a page budget cuts the crawl the same way on any
 * number of ranks.
 */
class CrawlJobTest {
    private static final Duration DELAY = Duration.ofMillis(30);
    private static final int FIRST_LAG_MILLIS = 30;

    private TestSite site;
    private String a;
    private String b;

    /** What one page's record must say. */
    private record Expected(int depth, int status, String title, ErrorKind kind, List<String> links) {
    }

    @BeforeEach
    void start() {
        site = new TestSite();
        a = site.a();
        b = site.b();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private CrawlOptions options() {
        return CrawlOptions.builder().depth(3).delay(DELAY).readTimeout(Duration.ofMillis(400))
                .connectTimeout(Duration.ofSeconds(1)).maxBodyBytes(16 * 1024).stripParams(List.of("utm_*"))
                .exclude(List.of("/outside/")).build();
    }

    /** One crawl's rounds as rank 0 saw them, and its summary. */
    private record Crawl(List<Integer> depths, List<PageRecord> records, CrawlSummary summary, boolean finished) {
    }

    private Crawl crawl(int ranks, CrawlOptions options) {
        List<Integer> depths = Collections.synchronizedList(new ArrayList<>());
        List<PageRecord> records = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<CrawlSummary> finished = new AtomicReference<>();
        AtomicReference<CrawlSummary> summary = new AtomicReference<>();
        CrawlSink sink = new CrawlSink() {
            @Override
            public void round(int depth, List<PageRecord> round) {
                depths.add(depth);
                records.addAll(round);
            }

            @Override
            public void finish(CrawlSummary s) {
                finished.set(s);
            }
        };
        IntracommJobs.run(ranks, comm -> {
            CrawlSummary s = CrawlJob.run(comm, options, comm.rank() == 0 ? List.of(a + "/") : List.of(), sink);
            assertEquals(comm.rank() == 0, s != null, "only rank 0 gets the summary");
            if (s != null) {
                summary.set(s);
            }
        });
        return new Crawl(List.copyOf(depths), List.copyOf(records), summary.get(), finished.get() == summary.get());
    }

    private Map<String, Expected> expected() {
        Map<String, Expected> e = new TreeMap<>();
        e.put(a + "/", new Expected(0, 200, "Home", null, List.of(a + "/a.html", a + "/b.html", a + "/",
                a + "/dir/page.html", b + "/", a + "/redirect", a + "/private/secret.html",
                "http://localhost/outside/x.html")));
        e.put(a + "/a.html", new Expected(1, 200, "A", null, List.of(a + "/", a + "/a.html", a + "/c.html",
                a + "/slow.html", a + "/big.html")));
        e.put(a + "/b.html", new Expected(1, 200, "B", null, List.of(a + "/a.html", a + "/data.json",
                a + "/broken.html", a + "/missing.html", a + "/error.html", a + "/loop1")));
        e.put(a + "/dir/page.html", new Expected(1, 200, "Dir", null, List.of(a + "/other/c.html", a + "/a.html",
                a + "/private/open.html")));
        e.put(a + "/redirect", new Expected(1, 200, "Target", null, List.of(a + "/deep.html")));
        e.put(a + "/private/secret.html", new Expected(1, 0, null, ErrorKind.ROBOTS, List.of()));
        e.put(b + "/", new Expected(1, 200, "B home", null, List.of(b + "/b1.html", a + "/a.html")));
        e.put(a + "/c.html", new Expected(2, 200, "C", null, List.of(a + "/target.html", a + "/c.html",
                a + "/d3.html")));
        e.put(a + "/slow.html", new Expected(2, 0, null, ErrorKind.TIMEOUT, List.of()));
        e.put(a + "/big.html", new Expected(2, 200, "Big", ErrorKind.TOO_LARGE, List.of(a + "/big-child.html")));
        e.put(a + "/data.json", new Expected(2, 200, null, null, List.of()));
        e.put(a + "/broken.html", new Expected(2, 200, "Broken", null, List.of(a + "/m1.html", a + "/m2.html")));
        e.put(a + "/missing.html", new Expected(2, 404, null, ErrorKind.HTTP_4XX, List.of()));
        e.put(a + "/error.html", new Expected(2, 500, null, ErrorKind.HTTP_5XX, List.of()));
        e.put(a + "/loop1", new Expected(2, 302, null, ErrorKind.REDIRECT_LOOP, List.of()));
        e.put(a + "/other/c.html", new Expected(2, 200, "Other C", null, List.of(a + "/a.html")));
        e.put(a + "/private/open.html", new Expected(2, 200, "Open", null, List.of()));
        e.put(a + "/deep.html", new Expected(2, 200, "Deep", null, List.of(a + "/d3.html")));
        e.put(b + "/b1.html", new Expected(2, 200, "B1", null, List.of(b + "/", b + "/b2.html")));
        e.put(a + "/d3.html", new Expected(3, 200, "D3", null, List.of(a + "/d4.html")));
        e.put(a + "/big-child.html", new Expected(3, 200, "Big child", null, List.of()));
        e.put(a + "/m1.html", new Expected(3, 200, "M1", null, List.of()));
        e.put(a + "/m2.html", new Expected(3, 404, null, ErrorKind.HTTP_4XX, List.of()));
        e.put(b + "/b2.html", new Expected(3, 200, "B2", null, List.of(b + "/b3.html")));
        return e;
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 5})
    void findsExactlyTheSiteOnAnyNumberOfRanks(int ranks) {
        Crawl crawl = crawl(ranks, options());

        Map<String, Expected> expected = expected();
        Map<String, Expected> found = new TreeMap<>();
        for (PageRecord r : crawl.records()) {
            assertNull(found.put(r.url(), new Expected(r.depth(), r.status(), r.title(), r.errorKind(), r.links())),
                    () -> r.url() + " has two records");
        }
        assertEquals(expected.keySet(), found.keySet(), "the pages found");
        expected.forEach((url, e) -> assertEquals(e, found.get(url), url));
        assertEquals(List.of(0, 1, 2, 3), crawl.depths(), "one round per depth, in order");

        List<PageRecord> sorted = new ArrayList<>(crawl.records());
        sorted.sort((x, y) -> x.depth() != y.depth() ? Integer.compare(x.depth(), y.depth()) : x.url().compareTo(y.url()));
        assertEquals(sorted, crawl.records(), "records come by depth, sorted by URL within a depth");
        for (PageRecord r : crawl.records()) {
            assertEquals(Frontier.owner(r.url(), ranks), r.rank(), () -> r.url() + " was fetched by its host's owner");
        }
        Map<String, PageRecord> byUrl = crawl.records().stream()
                .collect(Collectors.toMap(PageRecord::url, r -> r));
        assertEquals(a + "/target.html", byUrl.get(a + "/redirect").finalUrl());
        assertTrue(byUrl.get(a + "/big.html").truncated());
        assertEquals(16 * 1024, byUrl.get(a + "/big.html").bytes());
        assertEquals("application/json", byUrl.get(a + "/data.json").contentType());
        assertEquals(1, byUrl.get(a + "/broken.html").badLinks().size());
        assertTrue(byUrl.get(a + "/broken.html").badLinks().get(0).startsWith("http://[::1: "),
                () -> byUrl.get(a + "/broken.html").badLinks().toString());
        assertFalse(byUrl.get(a + "/").truncated());

        CrawlSummary summary = crawl.summary();
        assertTrue(crawl.finished(), "the sink's finish got the summary returned");
        assertEquals(expected.size(), summary.pages());
        assertEquals(7, summary.errors());
        assertEquals(Map.of(ErrorKind.ROBOTS, 1L, ErrorKind.TIMEOUT, 1L, ErrorKind.TOO_LARGE, 1L,
                ErrorKind.HTTP_4XX, 2L, ErrorKind.HTTP_5XX, 1L, ErrorKind.REDIRECT_LOOP, 1L), summary.errorsByKind());
        assertEquals(crawl.records().stream().mapToLong(PageRecord::bytes).sum(), summary.bytes());
        assertEquals(4, summary.rounds());
        assertEquals(ranks, summary.pagesPerRank().size());
        for (int r = 0; r < ranks; r++) {
            int rank = r;
            assertEquals(crawl.records().stream().filter(p -> p.rank() == rank).count(), summary.pagesPerRank().get(r));
        }
        assertEquals("finished", summary.finishReason());
        checkRequests();
    }

    /** Checks the servers' logs: each URL requested once, nothing disallowed, the delay kept. */
    private void checkRequests() {
        List<TestSite.Request> requestsA = site.requestsA();
        List<TestSite.Request> requestsB = site.requestsB();
        assertEquals(Map.of(), TestSite.repeated(requestsA), "paths requested twice on host A");
        assertEquals(Map.of(), TestSite.repeated(requestsB), "paths requested twice on host B");
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/a.html", "/b.html", "/dir/page.html", "/redirect",
                        "/target.html", "/c.html", "/slow.html", "/big.html", "/data.json", "/broken.html",
                        "/missing.html", "/error.html", "/loop1", "/loop2", "/other/c.html", "/private/open.html",
                        "/deep.html", "/d3.html", "/big-child.html", "/m1.html", "/m2.html")),
                paths(requestsA));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/b1.html", "/b2.html")), paths(requestsB));
        assertEquals("/robots.txt", requestsA.get(0).path(), "robots.txt comes before the host's pages");
        assertTrue(requestsA.stream().noneMatch(r -> r.path().startsWith("/private/secret")));
        // The delay runs between request starts on the client. A request reaches the server a
        // little after its start, and much later when the machine is busy, so one arrival can lag:
        // the gap before it is long and the gap after it short by the same amount. So a short gap
        // must follow a long one that covers it, and the whole span can be short by the first
        // request's lag only. Without the delay, gaps are a few milliseconds and both checks fail.
        double floor = DELAY.toMillis() * 0.9;
        for (List<TestSite.Request> host : List.of(requestsA, requestsB)) {
            List<Double> gaps = TestSite.gapsMillis(host);
            for (int k = 1; k < gaps.size(); k++) {
                int i = k;
                assertTrue(gaps.get(i) >= floor || gaps.get(i - 1) + gaps.get(i) >= 2 * floor,
                        () -> "gap " + i + " is short and not after a late arrival: " + gaps);
            }
            double span = gaps.stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(span >= gaps.size() * DELAY.toMillis() - FIRST_LAG_MILLIS,
                    () -> "span " + span + " ms over " + gaps.size() + " gaps: " + gaps);
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 5})
    void maxPagesIsExactAndTheSameOnAnyNumberOfRanks(int ranks) {
        Crawl crawl = crawl(ranks, options().toBuilder().maxPages(9).delay(Duration.ofMillis(5)).build());

        // Round 0 takes the seed and round 1 its 6 links; 2 remain for round 2, which has 12
        // candidates: the 2 smallest URLs win ("http://127.0.0.1" sorts before "http://localhost"),
        // whichever ranks hold them.
        List<String> depth2 = crawl.records().stream().filter(r -> r.depth() == 2).map(PageRecord::url).toList();
        assertEquals(List.of(b + "/b1.html", a + "/big.html"), depth2);
        assertEquals(9, crawl.records().size());
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/a.html", "/b.html", "/dir/page.html", "/redirect",
                "/target.html", "/big.html")), paths(site.requestsA()));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/b1.html")), paths(site.requestsB()));
        assertEquals("max_pages", crawl.summary().finishReason());
    }

    private static TreeSet<String> paths(List<TestSite.Request> requests) {
        return requests.stream().map(TestSite.Request::path).collect(Collectors.toCollection(TreeSet::new));
    }
}
