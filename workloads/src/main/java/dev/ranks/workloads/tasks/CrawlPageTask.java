package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.PageFetcher;
import dev.ranks.crawl.Target;
import dev.ranks.crawl.UrlNormalizer;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.Task;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code crawl_page(url)}: fetches one page with the crawler's {@link PageFetcher} (robots.txt,
 * politeness, timeouts, size caps, redirects, jsoup link extraction) and returns its record as a
 * map with the keys of {@link dev.ranks.crawl.PageRecord#toJson()}: {@code url, final_url, status,
 * content_type, title, links, error_kind, error...} (the books' {@code crawl_task}, a message, is {@link CrawlTask}). A failed fetch
 * is a result with an {@code error_kind}, not a failed task. The keyword argument {@code delay_ms}
 * sets the per-host politeness delay (default {@code CrawlOptions}' 200 ms). Fetchers are shared
 * by all calls with the same delay, so politeness holds across the calls a worker runs.
 */
public final class CrawlPageTask implements Task {
    private static final Map<Long, PageFetcher> FETCHERS = new ConcurrentHashMap<>();
    private static final UrlNormalizer NORMALIZER = new UrlNormalizer(List.of());

    /** Creates the task. */
    public CrawlPageTask() {
    }

    @Override
    public String name() {
        return "crawl_page";
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) {
        long millis = delayMillis(kwargs);
        PageFetcher fetcher = FETCHERS.computeIfAbsent(millis,
                ms -> new PageFetcher(CrawlOptions.builder().delay(Duration.ofMillis(ms)).build()));
        return Json.readObject(fetcher.fetch(new Target(NORMALIZER.seed(url(args)), 0), 0).toJson());
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        NORMALIZER.seed(url(args));
        delayMillis(kwargs);
    }

    private String url(List<Object> args) {
        Object url = Args.only(name(), args, "an http or https URL");
        if (!(url instanceof String raw)) {
            throw new RanksException(ErrorClass.ARG, "crawl_page argument " + Args.shown(url) + " is invalid: expected"
                    + " a URL string");
        }
        return raw;
    }

    private static long delayMillis(Map<String, Object> kwargs) {
        Object delay = kwargs.getOrDefault("delay_ms", CrawlOptions.defaults().delay().toMillis());
        if (!(delay instanceof Long millis) || millis < 0) {
            throw new RanksException(ErrorClass.ARG, "crawl_page delay_ms " + Args.shown(delay) + " is invalid:"
                    + " expected an integer of 0 or more");
        }
        return millis;
    }
}
