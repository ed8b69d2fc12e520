package dev.ranks.workloads.crawl;

import dev.ranks.crawl.PageRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Tells whether a progress line would help: stderr is a terminal, and the records do not scroll
     * past on that same terminal (they would break the line, and are progress enough themselves).
     * Java 17 has no isatty for stderr ({@link System#console()} looks at stdin and stdout), so on
     * Linux this asks /proc where the descriptors lead; elsewhere it falls back to the console.
     *
     * @param recordsOnStdout whether the records are written to stdout rather than a file
     * @return true when the line should be drawn
     */
    public static boolean wanted(boolean recordsOnStdout) {
        return isTerminal(2) && !(recordsOnStdout && isTerminal(1));
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
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
