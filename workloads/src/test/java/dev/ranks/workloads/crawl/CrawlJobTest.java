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
import java.util.Set;
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
        return crawl(ranks, options, List.of(a + "/"));
    }

    private Crawl crawl(int ranks, CrawlOptions options, List<String> seeds) {
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
            CrawlSummary s = CrawlJob.run(comm, options, comm.rank() == 0 ? seeds : List.of(), sink);
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
                "http://localhost/outside/x.html", a + "/to-b", a + "/r-dup", a + "/dup.html", a + "/cross-loop")));
        e.put(a + "/a.html", new Expected(1, 200, "A", null, List.of(a + "/", a + "/a.html", a + "/c.html",
                a + "/slow.html", a + "/big.html")));
        e.put(a + "/b.html", new Expected(1, 200, "B", null, List.of(a + "/a.html", a + "/data.json",
                a + "/broken.html", a + "/missing.html", a + "/error.html", a + "/loop1")));
        e.put(a + "/dir/page.html", new Expected(1, 200, "Dir", null, List.of(a + "/other/c.html", a + "/a.html",
                a + "/private/open.html")));
        e.put(a + "/redirect", new Expected(1, 200, "Target", null, List.of(a + "/deep.html")));
        e.put(a + "/private/secret.html", new Expected(1, 0, null, ErrorKind.ROBOTS, List.of()));
        e.put(b + "/", new Expected(1, 200, "B home", null, List.of(b + "/b1.html", a + "/a.html")));
        e.put(a + "/to-b", new Expected(1, 302, null, null, List.of()));
        e.put(b + "/landing.html", new Expected(1, 200, "Landing", null, List.of(b + "/landed-child.html",
                a + "/a.html", "http://localhost/outside/y.html")));
        e.put(a + "/r-dup", new Expected(1, 302, null, null, List.of()));
        e.put(a + "/dup.html", new Expected(1, 200, "Dup", null, List.of()));
        e.put(a + "/cross-loop", new Expected(1, 301, null, null, List.of()));
        e.put(b + "/back", new Expected(1, 302, null, ErrorKind.REDIRECT_LOOP, List.of()));
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
        e.put(b + "/landed-child.html", new Expected(2, 200, "Landed child", null, List.of()));
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

        checkRequests();
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
        assertEquals(a + "/target.html", byUrl.get(a + "/redirect").finalUrl(), "followed: same host, not seen");
        assertEquals(b + "/landing.html", byUrl.get(a + "/to-b").finalUrl(), "handed to B's owner");
        assertEquals(a + "/dup.html", byUrl.get(a + "/r-dup").finalUrl(), "not followed: linked in the same round");
        assertEquals(b + "/back", byUrl.get(a + "/cross-loop").finalUrl());
        assertEquals(b + "/back", byUrl.get(b + "/back").finalUrl());
        assertEquals("redirect loop: " + a + "/cross-loop -> " + b + "/back -> " + a + "/cross-loop",
                byUrl.get(b + "/back").error());
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
        assertEquals(8, summary.errors());
        assertEquals(Map.of(ErrorKind.ROBOTS, 1L, ErrorKind.TIMEOUT, 1L, ErrorKind.TOO_LARGE, 1L,
                ErrorKind.HTTP_4XX, 2L, ErrorKind.HTTP_5XX, 1L, ErrorKind.REDIRECT_LOOP, 2L), summary.errorsByKind());
        assertEquals(crawl.records().stream().mapToLong(PageRecord::bytes).sum(), summary.bytes());
        assertEquals(4, summary.rounds());
        assertEquals(ranks, summary.pagesPerRank().size());
        for (int r = 0; r < ranks; r++) {
            int rank = r;
            assertEquals(crawl.records().stream().filter(p -> p.rank() == rank).count(), summary.pagesPerRank().get(r));
        }
        assertEquals("finished", summary.finishReason());
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
                        "/deep.html", "/d3.html", "/big-child.html", "/m1.html", "/m2.html", "/to-b", "/r-dup",
                        "/dup.html", "/cross-loop")),
                paths(requestsA));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/b1.html", "/b2.html", "/landing.html",
                "/landed-child.html", "/back")), paths(requestsB));
        assertEquals("/robots.txt", requestsA.get(0).path(), "robots.txt comes before the host's pages");
        assertTrue(requestsA.stream().noneMatch(r -> r.path().startsWith("/private/secret")));
        // The delay runs between request starts on the client. A request reaches the server a
        // little after its start, and much later when the machine is busy, so one arrival can lag:
        // the gap before it is long and the gap after it short by the same amount. So a short gap
        // must follow long ones that cover it, and the whole span can be short by the first
        // request's lag only. Requests that open a connection (the first, the one after a timeout)
        // lag most, and under load two arrivals in a row can lag, so the one or two gaps before a
        // short gap may cover it; the first request's lag has no gap before it to cover it. An
        // extra request between two on time (a second rank fetching the host) leaves a gap near 0
        // between gaps near the delay, which neither covers. Without the delay, gaps are a few
        // milliseconds and the checks fail.
        double floor = DELAY.toMillis() * 0.9;
        for (List<TestSite.Request> host : List.of(requestsA, requestsB)) {
            List<Double> gaps = TestSite.gapsMillis(host);
            for (int k = 1; k < gaps.size(); k++) {
                int i = k;
                double pair = gaps.get(i - 1) + gaps.get(i);
                boolean covered = gaps.get(i) >= floor || pair >= 2 * floor - (i == 1 ? FIRST_LAG_MILLIS : 0)
                        || i >= 2 && gaps.get(i - 2) + pair >= 3 * floor;
                assertTrue(covered, () -> "gap " + i + " is short and not after late arrivals: " + gaps);
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

        // Round 0 takes the seed; 8 remain for round 1's 10 links: the 8 smallest URLs win
        // ("http://127.0.0.1" sorts before "http://localhost"), whichever ranks hold them.
        assertEquals(List.of(b + "/", a + "/a.html", a + "/b.html", a + "/cross-loop", a + "/dir/page.html",
                a + "/dup.html", a + "/private/secret.html", a + "/r-dup"), urlsAt(crawl, 1));
        assertEquals(9, crawl.records().size());
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/a.html", "/b.html", "/cross-loop", "/dir/page.html",
                "/dup.html", "/r-dup")), paths(site.requestsA()));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/")), paths(site.requestsB()), "/back was over the budget");
        assertEquals("max_pages", crawl.summary().finishReason());
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 5})
    void redirectTargetsHandedOverCountAgainstTheBudget(int ranks) {
        Crawl crawl = crawl(ranks, options().toBuilder().maxPages(12).delay(Duration.ofMillis(5)).build());

        // Round 1 fetches all 10 links, leaving 1 page for the 2 targets handed over (B's /back
        // and /landing.html): the smaller URL wins.
        assertEquals(List.of(b + "/", b + "/back", a + "/a.html", a + "/b.html", a + "/cross-loop",
                a + "/dir/page.html", a + "/dup.html", a + "/private/secret.html", a + "/r-dup", a + "/redirect",
                a + "/to-b"), urlsAt(crawl, 1));
        assertEquals(12, crawl.records().size());
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/", "/back")), paths(site.requestsB()));
        assertEquals(Map.of(), TestSite.repeated(site.requestsA()));
        assertEquals("max_pages", crawl.summary().finishReason());
        assertEquals(List.of(0, 1), crawl.depths());
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 5})
    void sameHostAdmitsTheHostASeedRedirectsTo(int ranks) {
        Crawl crawl = crawl(ranks, options().toBuilder().depth(1).sameHost(true).exclude(List.of()).build(),
                List.of(a + "/to-b"));

        // The seed is on A and lands on B; B's pages and A's are in scope, localhost:80 is not.
        assertEquals(List.of(b + "/landing.html", a + "/to-b"), urlsAt(crawl, 0));
        assertEquals(List.of(b + "/landed-child.html", a + "/a.html"), urlsAt(crawl, 1));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/to-b", "/a.html")), paths(site.requestsA()));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/landing.html", "/landed-child.html")),
                paths(site.requestsB()));
        for (PageRecord r : crawl.records()) {
            assertEquals(Frontier.owner(r.url(), ranks), r.rank(), () -> r.url() + " was fetched by its host's owner");
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 5})
    void theRedirectLimitCountsHopsAcrossHandOffs(int ranks) {
        Crawl crawl = crawl(ranks, options().toBuilder().depth(0).maxRedirects(2).build(), List.of(a + "/hop1"));

        // Every hop changes host, so each is handed over; the third redirect is one too many.
        Map<String, PageRecord> byUrl = crawl.records().stream().collect(Collectors.toMap(PageRecord::url, r -> r));
        assertEquals(Set.of(a + "/hop1", b + "/hop2", a + "/hop3"), byUrl.keySet());
        assertEquals(b + "/hop2", byUrl.get(a + "/hop1").finalUrl());
        assertNull(byUrl.get(a + "/hop1").errorKind());
        assertEquals(a + "/hop3", byUrl.get(b + "/hop2").finalUrl());
        assertNull(byUrl.get(b + "/hop2").errorKind());
        assertEquals(ErrorKind.TOO_MANY_REDIRECTS, byUrl.get(a + "/hop3").errorKind());
        assertEquals(302, byUrl.get(a + "/hop3").status());
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/hop1", "/hop3")), paths(site.requestsA()));
        assertEquals(new TreeSet<>(List.of("/robots.txt", "/hop2")), paths(site.requestsB()));
        assertTrue(crawl.records().stream().allMatch(r -> r.depth() == 0), "a redirect is not a link");
    }

    private static List<String> urlsAt(Crawl crawl, int depth) {
        return crawl.records().stream().filter(r -> r.depth() == depth).map(PageRecord::url).toList();
    }

    private static TreeSet<String> paths(List<TestSite.Request> requests) {
        return requests.stream().map(TestSite.Request::path).collect(Collectors.toCollection(TreeSet::new));
    }
}
