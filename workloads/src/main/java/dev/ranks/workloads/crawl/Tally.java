package dev.ranks.workloads.crawl;

import dev.ranks.crawl.ErrorKind;
import dev.ranks.crawl.PageRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** Rank 0's running counts over the records gathered so far; counts rather than records, so a long crawl keeps little. */
final class Tally {
    private final long[] pagesPerRank;
    private final Map<ErrorKind, Long> errorsByKind = new EnumMap<>(ErrorKind.class);
    private long pages;
    private long errors;
    private long bytes;
    private int rounds;

    Tally(int ranks) {
        this.pagesPerRank = new long[ranks];
    }

    void add(List<PageRecord> round) {
        rounds++;
        for (PageRecord record : round) {
            pages++;
            bytes += record.bytes();
            pagesPerRank[record.rank()]++;
            if (record.errorKind() != null) {
                errors++;
                errorsByKind.merge(record.errorKind(), 1L, Long::sum);
            }
        }
    }

    CrawlSummary summary(double elapsedMillis, boolean cut) {
        return new CrawlSummary(pages, errors, errorsByKind, bytes, elapsedMillis, rounds,
                LongStream.of(pagesPerRank).boxed().toList(), cut);
    }
}
