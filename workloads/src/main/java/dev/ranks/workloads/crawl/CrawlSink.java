package dev.ranks.workloads.crawl;

import dev.ranks.crawl.PageRecord;
import java.util.List;

/**
 * Where rank 0 hands a crawl's records, one round (one depth) at a time, as soon as the round is
 * gathered: output streams out during the crawl rather than at its end.
 */
@FunctionalInterface
public interface CrawlSink {
    /** A sink that drops everything, for benchmarks that only want the summary. */
    CrawlSink NONE = (depth, records) -> { };

    /**
     * Receives one round's records.
     *
     * @param depth the round's depth, 0 for the seeds
     * @param records every page fetched in the round, sorted by URL
     */
    void round(int depth, List<PageRecord> records);

    /**
     * Called once after the last round, before the summary is returned.
     *
     * @param summary the crawl's summary
     */
    default void finish(CrawlSummary summary) {
    }

    /**
     * Gives a sink that hands every round and the finish to this sink, then to another.
     *
     * @param next the sink called second
     * @return the combined sink
     */
    default CrawlSink andThen(CrawlSink next) {
        CrawlSink first = this;
        return new CrawlSink() {
            @Override
            public void round(int depth, List<PageRecord> records) {
                first.round(depth, records);
                next.round(depth, records);
            }

            @Override
            public void finish(CrawlSummary summary) {
                first.finish(summary);
                next.finish(summary);
            }
        };
    }
}
