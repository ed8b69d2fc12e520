package dev.ranks.workloads.crawl;

import dev.ranks.crawl.ErrorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a crawl did, as rank 0 counted it from the records it gathered: the figures Scrapy dumps as
 * its stats at the end of a crawl, reduced to what the issue asks for.
 *
 * @param pages how many records were written: every page tried, failed ones included
 * @param errors how many of them carry an error kind
 * @param errorsByKind the error count per kind, only kinds that occurred
 * @param bytes the body bytes read over all pages
 * @param elapsedMillis rank 0's wall time from the start of the crawl to the last round gathered
 * @param rounds how many rounds fetched anything (the deepest depth reached plus one)
 * @param pagesPerRank how many pages each rank fetched, in rank order
 * @param cut whether {@code --max-pages} stopped the crawl with pages left to fetch
 */
public record CrawlSummary(long pages, long errors, Map<ErrorKind, Long> errorsByKind, long bytes,
        double elapsedMillis, int rounds, List<Long> pagesPerRank, boolean cut) {
    /**
     * Copies the collections, keeping the kinds in their declaration order.
     *
     * @param pages how many records were written
     * @param errors how many carry an error kind
     * @param errorsByKind the error count per kind
     * @param bytes the body bytes read
     * @param elapsedMillis the wall time in milliseconds
     * @param rounds how many rounds fetched anything
     * @param pagesPerRank pages per rank, in rank order
     * @param cut whether the page budget stopped the crawl
     */
    public CrawlSummary {
        EnumMap<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
        kinds.putAll(errorsByKind);
        errorsByKind = Collections.unmodifiableMap(kinds);
        pagesPerRank = List.copyOf(pagesPerRank);
    }

    /**
     * Gives the crawl's rate.
     *
     * @return pages per second of wall time, 0 when no time was measured
     */
    public double pagesPerSecond() {
        return elapsedMillis > 0 ? pages * 1e3 / elapsedMillis : 0;
    }

    /**
     * Gives why the crawl stopped, in Scrapy's words: {@code finished} when the frontier ran dry
     * (or the depth limit was reached), {@code max_pages} when the page budget ran out first.
     *
     * @return the reason
     */
    public String finishReason() {
        return cut ? "max_pages" : "finished";
    }

    /**
     * Writes the summary as text: a line of totals, a line of errors by kind, a line of pages per
     * rank.
     *
     * @return the lines, without line ends
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "crawl: %d pages, %d errors, %d bytes in %.3f s (%.1f pages/s)"
                        + " on %d ranks, %d rounds, %s", pages, errors, bytes, elapsedMillis / 1e3,
                pagesPerSecond(), pagesPerRank.size(), rounds, finishReason()));
        List<String> kinds = new ArrayList<>();
        errorsByKind.forEach((kind, count) -> kinds.add(kind.label() + " " + count));
        lines.add("errors: " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        List<String> ranks = new ArrayList<>();
        for (int r = 0; r < pagesPerRank.size(); r++) {
            ranks.add(r + ": " + pagesPerRank.get(r));
        }
        lines.add("pages per rank: " + String.join(", ", ranks));
        return lines;
    }
}
