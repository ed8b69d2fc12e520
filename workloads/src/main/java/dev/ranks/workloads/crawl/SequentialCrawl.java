package dev.ranks.workloads.crawl;

import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.PageFetcher;
import dev.ranks.crawl.PageRecord;
import dev.ranks.crawl.Scope;
import dev.ranks.crawl.Target;
import dev.ranks.crawl.UrlNormalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's reference: the crawl a first script would do, on one thread, one page at a time
 * (fetch, parse, queue the new links, next), breadth first with a seen set. It fetches and parses
 * with the same {@link PageFetcher} as the parallel crawl, so the comparison measures the
 * parallelism alone.
 */
public final class SequentialCrawl {
    /**
     * What the sequential crawl did.
     *
     * @param pages how many pages it fetched, failed ones included
     * @param errors how many of them failed
     * @param elapsedMillis its wall time in milliseconds
     */
    public record Result(long pages, long errors, double elapsedMillis) {
        /**
         * Gives the crawl's rate.
         *
         * @return pages per second, 0 when no time was measured
         */
        public double pagesPerSecond() {
            return elapsedMillis > 0 ? pages * 1e3 / elapsedMillis : 0;
        }
    }

    private SequentialCrawl() {
    }

    /**
     * Crawls from the seeds, one page at a time.
     *
     * @param options the crawl's settings; depth, page limit and scope apply as in {@link CrawlJob}
     * @param seeds the URLs to start from, at least one
     * @return what it fetched and how long it took
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) when there are
     *     no seeds or a seed is not an http or https URL
     */
    public static Result run(CrawlOptions options, List<String> seeds) {
        List<String> normalized = Seeds.normalize(seeds, new UrlNormalizer(options.stripParams()));
        Scope scope = new Scope(options, normalized);
        Set<String> seen = new HashSet<>(normalized);
        Deque<Target> queue = new ArrayDeque<>();
        normalized.forEach(url -> queue.add(new Target(url, 0)));
        long pages = 0;
        long errors = 0;
        long start = System.nanoTime();
        try (PageFetcher fetcher = new PageFetcher(options)) {
            while (!queue.isEmpty() && pages < options.maxPages()) {
                Target target = queue.poll();
                PageRecord record = fetcher.fetch(target, 0);
                pages++;
                if (record.errorKind() != null) {
                    errors++;
                }
                if (record.finalUrl() != null) {
                    seen.add(record.finalUrl());
                    if (target.depth() == 0) {
                        // As in CrawlJob: a seed's landing host counts as a seed host.
                        scope = scope.withSameHostsOf(List.of(record.finalUrl()));
                    }
                }
                if (target.depth() < options.depth()) {
                    for (String link : record.links()) {
                        if (scope.admits(link) && seen.add(link)) {
                            queue.add(new Target(link, target.depth() + 1));
                        }
                    }
                }
            }
        }
        return new Result(pages, errors, (System.nanoTime() - start) / 1e6);
    }
}
