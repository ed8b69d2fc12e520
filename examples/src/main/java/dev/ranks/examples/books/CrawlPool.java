package dev.ranks.examples.books;

import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.Engines;
import dev.ranks.pipeline.Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Palach's crawler on a pool (Palach, <i>Parallel Programming with Python</i>, ch. 5, "Using
 * concurrent.futures": the web crawler on {@code ThreadPoolExecutor(max_workers=3)} and on
 * {@code ProcessPoolExecutor(max_workers=3)}): {@code crawl_task(url)} fetches a page and returns the pair
 * {@code (url, links)}; the pairs are gathered into {@code result_dict} as they complete
 * ({@code as_completed}), and then each url is logged with its first link:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.CrawlPool --pool processes \
 *     http://localhost:8000/ http://localhost:8000/a.html
 * [http://localhost:8000/a.html] with links : [http://localhost:8000/b.html...
 * [http://localhost:8000/] with links : [http://localhost:8000/a.html...
 * </pre>
 *
 * <p>Ranks' means: the pool is a task pipeline engine ({@link Engines#open}) of {@code --workers} workers
 * (3): {@code --pool threads} is the {@code threads} engine, worker threads in this JVM, and
 * {@code --pool processes} (the default) the {@code processes} engine, worker JVMs that the engine starts
 * and stops, as a {@code ProcessPoolExecutor} does its worker processes. Both run Ranks' built-in task
 * {@code crawl_page}, the crawler's fetcher (robots.txt, politeness per host, redirects, jsoup links),
 * whose page record holds the book's pair, its {@code url} and {@code links}. The built-in
 * {@code crawl_task} is the Celery chapter's task, which returns a message instead. As the book's
 * {@code crawl_task} returns {@code (url, [])} for a page it cannot fetch, such a page is a record with an
 * error, not a failed task; it is logged as {@code [url] could not be fetched: ...}, and a page without
 * links as {@code [url] with no links}, where the book's {@code links[0]} would raise.
 *
 * <p>Options, before the URLs: {@code --pool threads|processes}; {@code --workers N}; {@code --delay-ms N},
 * the crawler's politeness delay between two requests to one host (200). Without URLs it crawls the
 * book's five sites. A plain {@code main} using no communicator; run it on one rank.
 */
public final class CrawlPool {
    /** The book's {@code urls}. */
    private static final List<String> BOOK_URLS = List.of("http://www.google.com", "http://br.bing.com/",
            "https://duckduckgo.com/", "https://github.com/", "http://br.search.yahoo.com/");

    private CrawlPool() {
    }

    /**
     * Crawls the URLs on the pool and logs each with its first link.
     *
     * @param args options, then URLs
     */
    public static void main(String[] args) {
        String pool = "processes";
        int workers = 3;
        long delayMillis = 200;
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i += 2) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("CrawlPool: " + option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--pool" -> {
                    if (!value.equals("threads") && !value.equals("processes")) {
                        throw new IllegalArgumentException("CrawlPool: --pool '" + value
                                + "' is invalid: expected threads or processes");
                    }
                    pool = value;
                }
                case "--workers" -> workers = (int) atLeast(option, value, 1);
                case "--delay-ms" -> delayMillis = atLeast(option, value, 0);
                default -> throw new IllegalArgumentException("CrawlPool: unknown option '" + option
                        + "': expected --pool, --workers or --delay-ms, then URLs");
            }
        }
        List<String> urls = i == args.length ? BOOK_URLS : List.of(args).subList(i, args.length);

        List<Call> calls = new ArrayList<>();
        for (String url : urls) {
            calls.add(new Call("crawl_page", List.of(url), Map.of("delay_ms", delayMillis)));
        }
        EngineConfig config = EngineConfig.defaults().withWorkers(workers);
        calls.forEach(config.registry()::check); // a URL that is no URL is refused here, naming it, before any worker starts
        Map<String, Map<?, ?>> resultDict = new LinkedHashMap<>();
        try (Engine engine = Engines.open(pool, config)) {
            Batch batch = engine.submit(calls);
            batch.forEach(Order.COMPLETION, outcome -> resultDict.put(urls.get(outcome.index()), (Map<?, ?>) outcome.value()));
        }
        resultDict.forEach((url, page) -> System.out.println(logLine(url, page)));
    }

    /** The book's {@code "[%s] with links : [%s..." % (url, links[0])}, or why there is no first link. */
    private static String logLine(String url, Map<?, ?> page) {
        if (page.get("error_kind") != null) {
            return "[" + url + "] could not be fetched: " + page.get("error_kind")
                    + (page.get("error") == null ? "" : ": " + page.get("error"));
        }
        List<?> links = (List<?>) page.get("links");
        return links.isEmpty() ? "[" + url + "] with no links" : "[" + url + "] with links : [" + links.get(0) + "...";
    }

    private static long atLeast(String option, String value, long least) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid(option, value, least), e);
        }
        if (number < least || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(invalid(option, value, least));
        }
        return number;
    }

    private static String invalid(String option, String value, long least) {
        return "CrawlPool: " + option + " '" + value + "' is invalid: expected an integer from " + least + " to "
                + Integer.MAX_VALUE;
    }
}
