package dev.ranks.workloads.crawl;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.crawl.CrawlOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code launcher bench crawl}: crawls a {@link SyntheticSite} once with the one-thread
 * {@link SequentialCrawl} and then with {@link CrawlJob} on each number of ranks asked for, all in
 * the same run against the same site, with no politeness delay (the site is ours) and the other
 * settings at their defaults. The work is latency-bound, so the figure that matters is each
 * parallel crawl's rate over the sequential one's, not the absolute pages per second.
 */
public final class CrawlBench {
    /** The default number of pages, as the issue asks. */
    public static final int DEFAULT_PAGES = 2000;
    /** The default number of hosts. */
    public static final int DEFAULT_HOSTS = 20;
    /** The default latency per page, in milliseconds. */
    public static final int DEFAULT_LATENCY_MILLIS = 20;

    /**
     * One row of the benchmark's table.
     *
     * @param ranks the number of ranks, 0 for the sequential crawl
     * @param pages how many pages the crawl fetched
     * @param errors how many of them failed
     * @param elapsedMillis its wall time in milliseconds
     * @param speedup its rate over the sequential crawl's
     */
    public record Row(int ranks, long pages, long errors, double elapsedMillis, double speedup) {
        /**
         * Gives the crawl's rate.
         *
         * @return pages per second, 0 when no time was measured
         */
        public double pagesPerSecond() {
            return elapsedMillis > 0 ? pages * 1e3 / elapsedMillis : 0;
        }
    }

    private CrawlBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param pages the site's pages, at least 1
     * @param hosts the site's hosts, from 1 to {@code pages}
     * @param latency the site's latency per page
     * @param ranks the rank counts to crawl with, each at least 1
     * @param settings how the jobs run (device and the like)
     * @return the sequential crawl's row first, then one row per rank count, in the order given
     * @throws RanksException ({@link ErrorClass#ARG}) naming a bad count or latency, or the failure of
     *     a job
     */
    public static List<Row> run(int pages, int hosts, Duration latency, List<Integer> ranks, Settings settings) {
        return run(pages, hosts, latency, ranks, settings, step -> { });
    }

    /**
     * {@link #run(int, int, Duration, List, Settings)}, saying as each step starts what it does: serving
     * the site, the one-thread crawl, the crawl on each rank count.
     *
     * @param pages the site's pages, at least 1
     * @param hosts the site's hosts, from 1 to {@code pages}
     * @param latency the site's latency per page
     * @param ranks the rank counts to crawl with, each at least 1
     * @param settings how the jobs run (device and the like)
     * @param steps told one line as each step starts, such as {@code crawling on 4 ranks}
     * @return the sequential crawl's row first, then one row per rank count, in the order given
     * @throws RanksException ({@link ErrorClass#ARG}) naming a bad count or latency, or the failure of
     *     a job
     */
    public static List<Row> run(int pages, int hosts, Duration latency, List<Integer> ranks, Settings settings,
            Consumer<String> steps) {
        for (int n : ranks) {
            if (n < 1) {
                throw new RanksException(ErrorClass.ARG, "--ranks " + n + " is invalid: expected at least 1");
            }
        }
        steps.accept("serving " + pages + " pages on " + hosts + " hosts");
        try (SyntheticSite site = SyntheticSite.start(pages, hosts, latency)) {
            CrawlOptions options = CrawlOptions.builder().delay(Duration.ZERO).depth(site.depth()).build();
            List<String> seeds = List.of(site.seed());
            steps.accept("crawling with one thread (fetch, parse, next)");
            SequentialCrawl.Result sequential = SequentialCrawl.run(options, seeds);
            List<Row> rows = new ArrayList<>();
            rows.add(new Row(0, sequential.pages(), sequential.errors(), sequential.elapsedMillis(), 1));
            for (int n : ranks) {
                steps.accept("crawling on " + n + (n == 1 ? " rank" : " ranks"));
                AtomicReference<CrawlSummary> summary = new AtomicReference<>();
                Intracomm.run(n, settings, comm -> {
                    CrawlSummary s = CrawlJob.run(comm, options, seeds, CrawlSink.NONE);
                    if (s != null) {
                        summary.set(s);
                    }
                }).orThrow();
                CrawlSummary s = summary.get();
                rows.add(new Row(n, s.pages(), s.errors(), s.elapsedMillis(),
                        s.pagesPerSecond() / sequential.pagesPerSecond()));
            }
            return rows;
        }
    }
}
