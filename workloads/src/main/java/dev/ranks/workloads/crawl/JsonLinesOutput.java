package dev.ranks.workloads.crawl;

import dev.ranks.crawl.PageRecord;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes records as JSON lines ({@link PageRecord#toJson()}, one object per line), flushing after
 * every round so that a reader such as {@code jq} or {@code tail -f} sees each depth as it finishes.
 */
public final class JsonLinesOutput implements CrawlSink {
    private final PrintWriter out;

    /**
     * Creates the output.
     *
     * @param out where the lines go; the caller closes it
     */
    public JsonLinesOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void round(int depth, List<PageRecord> records) {
        for (PageRecord record : records) {
            out.println(record.toJson());
        }
        out.flush();
    }
}
