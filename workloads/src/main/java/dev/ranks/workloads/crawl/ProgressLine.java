package dev.ranks.workloads.crawl;

import dev.ranks.crawl.PageRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line for a terminal, redrawn in place (carriage return, no line feed) after every
 * round: depth, pages, errors and rate, and a bar when {@code --max-pages} bounds the crawl. Only
 * worth showing when stderr is a terminal; a log file would fill with carriage returns.
 */
public final class ProgressLine implements CrawlSink {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final long maxPages;
    private final LongSupplier nanoClock;
    private final long start;
    private long pages;
    private long errors;

    /**
     * Creates a progress line timed by {@link System#nanoTime()}.
     *
     * @param err the terminal's stream
     * @param maxPages the page budget, {@link Long#MAX_VALUE} when there is none (no bar is drawn)
     */
    public ProgressLine(PrintWriter err, long maxPages) {
        this(err, maxPages, System::nanoTime);
    }

    /**
     * Creates a progress line with its own clock, for tests.
     *
     * @param err the terminal's stream
     * @param maxPages the page budget, {@link Long#MAX_VALUE} when there is none
     * @param nanoClock a monotonic clock in nanoseconds
     */
    public ProgressLine(PrintWriter err, long maxPages, LongSupplier nanoClock) {
        this.err = err;
        this.maxPages = maxPages;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void round(int depth, List<PageRecord> records) {
        pages += records.size();
        errors += records.stream().filter(r -> r.errorKind() != null).count();
        double seconds = (nanoClock.getAsLong() - start) / 1e9;
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%.1f", pages / seconds) : "-";
        String counts = String.format(Locale.ROOT, "depth %d, %d pages, %d errors, %s pages/s", depth, pages,
                errors, rate);
        err.print("\r" + (maxPages == Long.MAX_VALUE ? counts : bar() + " " + counts));
        err.flush();
    }

    @Override
    public void finish(CrawlSummary summary) {
        if (pages > 0) {
            err.println();
            err.flush();
        }
    }

    private String bar() {
        int filled = (int) Math.min(BAR_WIDTH, pages * BAR_WIDTH / Math.max(1, maxPages));
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + pages + "/" + maxPages;
    }
}
