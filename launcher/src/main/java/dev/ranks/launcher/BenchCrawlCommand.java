package dev.ranks.launcher;

import dev.ranks.comm.Settings;
import dev.ranks.workloads.crawl.CrawlBench;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code launcher bench crawl}: the parallel crawl against a one-thread crawl of the same local site. */
@Command(name = "crawl", description = {
    "Serves a generated site on loopback (pages spread over hosts, one port each, a fixed latency per page),"
        + " crawls it once with a one-thread loop (fetch, parse, next) and then with the crawl job on each number"
        + " of ranks in --ranks, with --delay 0, and prints pages/s and the ratio to the one-thread crawl."
        + " -n is not used: --ranks gives the rank counts."})
final class BenchCrawlCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "" + CrawlBench.DEFAULT_PAGES,
            description = "Pages of the site. Default: ${DEFAULT-VALUE}.")
    private int pages;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "" + CrawlBench.DEFAULT_HOSTS,
            description = "Hosts (ports on 127.0.0.1) the pages are spread over. Default: ${DEFAULT-VALUE}.")
    private int hosts;

    @Option(names = "--latency", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            defaultValue = CrawlBench.DEFAULT_LATENCY_MILLIS + "ms",
            description = "How long the site takes to answer each page. Default: ${DEFAULT-VALUE}.")
    private Duration latency;

    @Option(names = "--ranks", paramLabel = "LIST", split = ",", defaultValue = "1,2,4",
            description = "The rank counts to crawl with, comma-separated. Default: ${DEFAULT-VALUE}.")
    private List<Integer> ranks = new ArrayList<>();

    @Mixin
    private PlotOption plotOption;

    @Override
    public Integer call() {
        BenchPlot plot = plotOption.plot();
        List<CrawlBench.Row> rows = CrawlBench.run(pages, hosts, latency, ranks, Settings.defaults(),
                Steps.of(spec)::start);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# crawl: %d pages on %d hosts, %d ms latency per page, --delay 0%n", pages, hosts,
                latency.toMillis());
        out.println("# x seq = pages/s over the one-thread sequential crawl's, measured in this run");
        out.printf(Locale.ROOT, "%6s %8s %7s %10s %10s %8s%n", "ranks", "pages", "errors", "seconds", "pages/s", "x seq");
        for (CrawlBench.Row row : rows) {
            out.printf(Locale.ROOT, "%6s %8d %7d %10.3f %10.1f %8.2f%n", row.ranks() == 0 ? "seq" : row.ranks(),
                    row.pages(), row.errors(), row.elapsedMillis() / 1e3, row.pagesPerSecond(), row.speedup());
        }
        out.flush();
        if (plot != null) {
            plot.bars(String.format(Locale.ROOT, "crawl of %d pages on %d hosts, %d ms per page", pages, hosts,
                            latency.toMillis()), "crawler", "pages/s",
                    rows.stream().map(row -> row.ranks() == 0 ? "one thread" : row.ranks() + (row.ranks() == 1
                            ? " rank" : " ranks")).toList(),
                    List.of(new BenchPlot.Bars("pages/s", rows.stream().map(CrawlBench.Row::pagesPerSecond).toList())),
                    false);
        }
        return 0;
    }
}
