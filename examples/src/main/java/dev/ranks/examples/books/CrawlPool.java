package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Received;
import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.PageFetcher;
import dev.ranks.crawl.PageRecord;
import dev.ranks.crawl.Target;
import dev.ranks.crawl.UrlNormalizer;
import dev.ranks.pipeline.Python;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Palach's web crawlers (Palach, <i>Parallel Programming with Python</i>), three ways, chosen by
 * {@code --pool}:
 *
 * <ul>
 * <li>{@code threads}, ch. 4's {@code parallel_web_crawler.py}: a {@code ThreadPoolExecutor(max_workers=3)}
 * runs {@code group_urls_task} once per URL, each taking a URL from a queue and putting it in
 * {@code result_dict}; a second one runs {@code crawl_task(url)} for each key, whose pairs
 * {@code (url, links)} are stored as they complete ({@code as_completed}); then each url is logged with
 * its first link. Every line is logged as {@code %(asctime)s - %(message)s}.
 * <li>{@code processes}, ch. 5's {@code process_pool_executor_web_crawler.py}: the same on two
 * {@code ProcessPoolExecutor}s, with a {@code Manager()}'s queue and dict, the lines without the time.
 * <li>{@code pp}, ch. 6's {@code web_crawler_pp_cluster.py}: Parallel Python's job server runs
 * {@code crawl_task(url)}, which returns {@code (url, links[:3], os.getpid(), os.uname()[1])}; the
 * callback, in the main process, prints its pid and stores a message; then the main process prints its
 * pid, the message of each url and pp's job statistics.
 * </ul>
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.CrawlPool --pool threads \
 *     http://localhost:8000/ http://localhost:8000/a.html
 * 2026-12-07 15:01:13,424 - [Thread-1] putting url [http://localhost:8000/] in dictionary...
 * 2026-12-07 15:01:13,425 - [Thread-2] putting url [http://localhost:8000/a.html] in dictionary...
 * 2026-12-07 15:01:13,502 - [Thread-3] crawling url [http://localhost:8000/] ...
 * 2026-12-07 15:01:13,705 - [Thread-4] crawling url [http://localhost:8000/a.html] ...
 * 2026-12-07 15:01:13,706 - [http://localhost:8000/] with links : [http://localhost:8000/a.html...
 * 2026-12-07 15:01:13,706 - [http://localhost:8000/a.html] with links : [http://localhost:8000/b.html...
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.CrawlPool --pool processes \
 *     http://localhost:8000/ http://localhost:8000/a.html
 * [Process-2] putting url [http://localhost:8000/] in dictionary...
 * [Process-3] putting url [http://localhost:8000/a.html] in dictionary...
 * [Process-6] crawling url [http://localhost:8000/] ...
 * [Process-5] crawling url [http://localhost:8000/a.html] ...
 * [http://localhost:8000/] with links : [http://localhost:8000/a.html...
 * [http://localhost:8000/a.html] with links : [http://localhost:8000/b.html...
 * $ bin/launcher -n 3 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.CrawlPool --pool pp \
 *     http://localhost:8000/ http://localhost:8000/a.html
 * Computing results in main process PID [4242]
 * Computing results in main process PID [4242]
 *
 * Main process PID [4242]
 *
 * ** For url http://localhost:8000/a.html, PID 4242 in hostname [vm] the following links were found: ['http://localhost:8000/b.html']
 *
 * ** For url http://localhost:8000/, PID 4242 in hostname [vm] the following links were found: ['http://localhost:8000/a.html', 'http://localhost:8000/b.html']
 *
 * Job execution statistics:
 *  job count | % of all jobs | job time sum | time per job | job server
 *          1 |         50.00 |       0.0140 |     0.014003 | rank 1
 *          1 |         50.00 |       0.0118 |     0.011790 | rank 2
 * Time elapsed since server creation 0.0461
 * 0 active tasks, 2 cores
 * </pre>
 *
 * <p>Ranks' means. Each {@code crawl_task} fetches its page with the crawler's {@link PageFetcher}
 * (robots.txt, politeness per host, redirects, jsoup links), as the built-in {@code crawl_page} task does,
 * called from the worker itself so that the worker logs its own line. The links are the crawler's,
 * absolute and normalised, where the book's regex gives each {@code href} as written.
 *
 * <p>{@code threads}: each pool is an {@link ExecutorService} of {@code --workers} (3) threads, named as
 * Python names threads, {@code Thread-N} counted from 1 over both pools, so the second pool's threads are
 * {@code Thread-4} to {@code Thread-6}; leaving the book's {@code with} block is
 * {@link ExecutorService#shutdown()} and {@link ExecutorService#awaitTermination}. The threads are rank 0's;
 * other ranks, if any, have nothing to do.
 *
 * <p>{@code processes}: the processes are the ranks. Rank 0 is the main process and the {@code Manager}
 * ({@code Process-1}), serving the queue and the dict: a worker asks it for a URL, rank 0 answers with the
 * next one or with none once all are handed out, and the worker sends back what the task made. Ranks 1
 * and up are both pools' workers; as a pool's processes are new ones in Python, the second pool's names go
 * on from the first's: rank r is {@code Process-(r+1)} in the first pool and {@code Process-(r+n)} in the
 * second, at {@code -n n}. A barrier between the pools is leaving the first {@code with} block.
 *
 * <p>{@code pp}: rank 0 is the main process, ranks 1 and up the job server's workers, handed the URLs one at
 * a time as in {@code processes}. {@code links} are the first three, printed as Python prints a list of
 * strings (the book's Python 2 printed {@code u'...'}). The pid is the JVM's and the hostname the machine's:
 * on the local device every rank is a thread of the launcher's JVM, so all pids and hostnames are one;
 * {@code --device mpj} gives each rank a JVM of its own, and a hostfile spreads them over machines as the
 * book's {@code ppservers} do. The statistics are pp's {@code print_stats()} table with a row per rank in
 * place of pp's servers, each job's time measured on its rank.
 *
 * <p>As the book's {@code crawl_task} logs {@code crawling url} once {@code requests.get} returns, which it
 * does for any response, the line is logged whenever the server answered, a 404 included. A page that
 * could not be fetched, which the book logs as {@code sys.exc_info()[0]} and then fails on in
 * {@code links[0]}, is logged as {@code [url] could not be fetched: http_4xx: HTTP 404} (or the crawler's
 * other reasons), and under {@code pp} as {@code PID P in hostname [H] the page could not be fetched: ...};
 * a page without links as {@code [url] with no links}.
 *
 * <p>Options, before the URLs: {@code --pool threads|processes|pp} (processes); {@code --workers N}, the
 * thread pools' size (3), for {@code threads} only, as the other pools' workers are the ranks;
 * {@code --delay-ms N}, the crawler's politeness delay between two requests to one host (200). Without URLs
 * it crawls the book's five sites. A {@link RankProgram}: {@code threads} on any number of ranks, the
 * others on 2 or more.
 */
public final class CrawlPool implements RankProgram {
    /** The book's {@code urls}. */
    private static final List<String> BOOK_URLS = List.of("http://www.google.com", "http://br.bing.com/",
            "https://duckduckgo.com/", "https://github.com/", "http://br.search.yahoo.com/");
    private static final UrlNormalizer NORMALIZER = new UrlNormalizer(List.of());

    private static final int MAIN = 0;
    /** Worker to rank 0: give me a URL. */
    private static final int GET = 1;
    /** Rank 0 to worker: a URL, or null when there are no more. */
    private static final int URL = 2;
    /** Worker to rank 0: what the task made of its URL. */
    private static final int RESULT = 3;

    /**
     * What {@code crawl_task} returns: the book's {@code (url, links)}.
     *
     * @param url the URL as given
     * @param status the HTTP status of the answer, 0 when the server never answered
     * @param links the page's links, absolute
     * @param error why the page could not be fetched, or null
     */
    record CrawlResult(String url, int status, List<String> links, String error) {
    }

    /**
     * What pp's {@code crawl_task} returns, {@code (url, links[:3], os.getpid(), os.uname()[1])}, with the
     * job's time for the statistics.
     *
     * @param page the page's result, with its first three links
     * @param pid the pid of the JVM that fetched it
     * @param hostname the name of the machine that fetched it
     * @param nanos how long the job took on its rank
     */
    record PpResult(CrawlResult page, long pid, String hostname, long nanos) {
    }

    /**
     * The command line.
     *
     * @param pool threads, processes or pp
     * @param workers the thread pools' size
     * @param delayMillis the politeness delay
     * @param urls the URLs, as given
     */
    private record Options(String pool, int workers, long delayMillis, List<String> urls) {
    }

    /** Makes the program; the launcher calls this once per rank. */
    public CrawlPool() {
    }

    /**
     * Crawls the URLs on the pool {@code --pool} names and logs them as the book does.
     *
     * @param world the ranks of the job: the processes of {@code processes} and {@code pp}
     * @param args options, then URLs
     */
    @Override
    public void run(Intracomm world, String[] args) {
        Options options = parse(args);
        switch (options.pool()) {
            case "threads" -> {
                if (world.rank() == MAIN) {
                    threads(options);
                }
            }
            case "processes" -> {
                BookOptions.requireRanks(world, 2, Integer.MAX_VALUE, "CrawlPool --pool processes",
                        "rank 0 is the main process and the manager, ranks 1 and up the pools' worker processes");
                processes(world, options);
            }
            default -> {
                BookOptions.requireRanks(world, 2, Integer.MAX_VALUE, "CrawlPool --pool pp",
                        "rank 0 is the main process, ranks 1 and up the job server's workers");
                pp(world, options);
            }
        }
    }

    /** ch. 4: two thread pools in this JVM. */
    private static void threads(Options options) {
        AtomicInteger threadNumber = new AtomicInteger(); // Python counts threads over the whole program
        ThreadFactory named = task -> new Thread(task, "Thread-" + threadNumber.incrementAndGet());
        Queue<String> urls = new LinkedBlockingQueue<>(options.urls());
        Map<String, CrawlResult> resultDict = Collections.synchronizedMap(new LinkedHashMap<>());

        ExecutorService groupLinkThreads = Executors.newFixedThreadPool(options.workers(), named);
        for (int i = 0; i < options.urls().size(); i++) {
            groupLinkThreads.submit(() -> {
                String url = urls.poll(); // never empty: one task per URL
                resultDict.put(url, null);
                log("[" + Thread.currentThread().getName() + "] putting url [" + url + "] in dictionary...");
            });
        }
        awaitPool(groupLinkThreads);

        ExecutorService crawlerLinkThreads = Executors.newFixedThreadPool(options.workers(), named);
        try (PageFetcher fetcher = fetcher(options)) {
            CompletionService<CrawlResult> futureTasks = new ExecutorCompletionService<>(crawlerLinkThreads);
            List<String> keys = List.copyOf(resultDict.keySet());
            for (String url : keys) {
                futureTasks.submit(() -> {
                    CrawlResult result = crawlTask(fetcher, url);
                    if (result.status() != 0) {
                        log("[" + Thread.currentThread().getName() + "] crawling url [" + url + "] ...");
                    }
                    return result;
                });
            }
            for (int i = 0; i < keys.size(); i++) { // as_completed
                CrawlResult result = futureTasks.take().get();
                resultDict.put(result.url(), result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("CrawlPool: interrupted waiting for the crawler threads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("CrawlPool: a crawler thread failed", e.getCause());
        } finally {
            awaitPool(crawlerLinkThreads);
        }
        resultDict.forEach((url, result) -> log(withLinks(url, result)));
    }

    /** ch. 5: two process pools, the ranks, with rank 0 as the manager. */
    private static void processes(Intracomm world, Options options) {
        if (world.rank() == MAIN) {
            Map<String, CrawlResult> resultDict = new LinkedHashMap<>();
            serve(world, new ArrayDeque<>(options.urls()), (String url, Integer worker) -> resultDict.put(url, null));
            world.barrier();
            serve(world, new ArrayDeque<>(resultDict.keySet()),
                    (CrawlResult result, Integer worker) -> resultDict.put(result.url(), result));
            resultDict.forEach((url, result) -> System.out.println(withLinks(url, result)));
        } else {
            work(world, url -> {
                // Logged before the put, so that every line of this pool is out once the barrier is passed.
                System.out.println("[Process-" + (world.rank() + 1) + "] putting url [" + url + "] in dictionary...");
                return url;
            });
            world.barrier();
            try (PageFetcher fetcher = fetcher(options)) {
                work(world, url -> {
                    CrawlResult result = crawlTask(fetcher, url);
                    if (result.status() != 0) {
                        System.out.println("[Process-" + (world.rank() + world.size()) + "] crawling url [" + url + "] ...");
                    }
                    return result;
                });
            }
        }
    }

    /** ch. 6: Parallel Python's job server, the ranks, with rank 0 as the main process. */
    private static void pp(Intracomm world, Options options) {
        if (world.rank() != MAIN) {
            long pid = ProcessHandle.current().pid();
            String hostname = hostname();
            try (PageFetcher fetcher = fetcher(options)) {
                work(world, url -> {
                    long start = System.nanoTime();
                    CrawlResult page = crawlTask(fetcher, url);
                    List<String> firstLinks = List.copyOf(page.links().subList(0, Math.min(3, page.links().size())));
                    return new PpResult(new CrawlResult(url, page.status(), firstLinks, page.error()), pid, hostname,
                            System.nanoTime() - start);
                });
            }
            return;
        }
        long creation = System.nanoTime();
        long pid = ProcessHandle.current().pid();
        Map<String, String> resultDict = new LinkedHashMap<>();
        Map<Integer, long[]> jobs = new TreeMap<>(); // per rank: the jobs and their nanoseconds
        serve(world, new ArrayDeque<>(options.urls()), (PpResult result, Integer worker) -> {
            long[] stat = jobs.computeIfAbsent(worker, w -> new long[2]);
            stat[0]++;
            stat[1] += result.nanos();
            System.out.println("Computing results in main process PID [" + pid + "]"); // aggregate_results
            String found = result.page().error() == null
                    ? "the following links were found: " + Python.repr(result.page().links())
                    : "the page could not be fetched: " + result.page().error();
            resultDict.put(result.page().url(), "PID " + result.pid() + " in hostname [" + result.hostname() + "] " + found);
        });
        System.out.println("\nMain process PID [" + pid + "]\n");
        resultDict.forEach((url, message) -> System.out.println("** For url " + url + ", " + message + "\n"));

        System.out.println("Job execution statistics:");
        System.out.println(" job count | % of all jobs | job time sum | time per job | job server");
        jobs.forEach((rank, stat) -> System.out.printf("%10d |%14.2f |%13.4f |%13.6f | rank %d%n", stat[0],
                100.0 * stat[0] / options.urls().size(), stat[1] / 1e9, stat[1] / 1e9 / stat[0], rank));
        System.out.println("Time elapsed since server creation " + (System.nanoTime() - creation) / 1e9);
        System.out.println("0 active tasks, " + (world.size() - 1) + " cores");
        System.out.println();
    }

    /**
     * Rank 0's side of a pool: hands each URL to the worker that asks, until none is left, and gives each
     * worker's results to {@code sink} with the worker's rank; returns once every worker has been told there
     * are no more.
     */
    @SuppressWarnings("unchecked")
    private static <R> void serve(Intracomm world, Queue<String> urls, BiConsumer<R, Integer> sink) {
        for (int ended = 0; ended < world.size() - 1;) {
            Received<Object> message = world.recvWithStatus(Intracomm.ANY_SOURCE, Intracomm.ANY_TAG);
            int worker = message.status().source();
            if (message.status().tag() == RESULT) {
                sink.accept((R) message.value(), worker);
            } else {
                String url = urls.poll();
                world.send(url, worker, URL);
                if (url == null) {
                    ended++;
                }
            }
        }
    }

    /** A worker's side of a pool: asks rank 0 for a URL and sends back what {@code task} makes of it, until there are no more. */
    private static void work(Intracomm world, Function<String, Object> task) {
        while (true) {
            world.send((Object) null, MAIN, GET);
            String url = world.recv(MAIN, URL);
            if (url == null) {
                return;
            }
            world.send(task.apply(url), MAIN, RESULT);
        }
    }

    private static PageFetcher fetcher(Options options) {
        return new PageFetcher(CrawlOptions.builder().delay(Duration.ofMillis(options.delayMillis())).build());
    }

    /** The book's {@code crawl_task}: fetches the page and returns its links. */
    private static CrawlResult crawlTask(PageFetcher fetcher, String url) {
        PageRecord page = fetcher.fetch(new Target(NORMALIZER.seed(url), 0), 0);
        String error = page.errorKind() == null ? null
                : page.errorKind().label() + (page.error() == null ? "" : ": " + page.error());
        return new CrawlResult(url, page.status(), page.links(), error);
    }

    /** The book's {@code "[%s] with links : [%s..." % (url, links[0])}, or why there is no first link. */
    private static String withLinks(String url, CrawlResult result) {
        if (result.error() != null) {
            return "[" + url + "] could not be fetched: " + result.error();
        }
        return result.links().isEmpty() ? "[" + url + "] with no links"
                : "[" + url + "] with links : [" + result.links().get(0) + "...";
    }

    /** The book's {@code os.uname()[1]}. */
    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The book's {@code logger.info}: {@code %(asctime)s - %(message)s}. */
    private static void log(String message) {
        System.out.println(Asctime.now() + " - " + message);
    }

    private static void awaitPool(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("CrawlPool: a thread pool did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("CrawlPool: interrupted waiting for a thread pool", e);
        }
    }

    private static Options parse(String[] args) {
        String pool = "processes";
        Integer workers = null;
        long delayMillis = CrawlOptions.defaults().delay().toMillis();
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i += 2) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw usage("CrawlPool: " + option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--pool" -> {
                    if (!List.of("threads", "processes", "pp").contains(value)) {
                        throw usage("CrawlPool: --pool '" + value + "' is invalid: expected threads, processes or pp");
                    }
                    pool = value;
                }
                case "--workers" -> workers = (int) atLeast(option, value, 1);
                case "--delay-ms" -> delayMillis = atLeast(option, value, 0);
                default -> throw usage("CrawlPool: unknown option '" + option
                        + "': expected --pool, --workers or --delay-ms, then URLs");
            }
        }
        if (workers != null && !pool.equals("threads")) {
            throw usage("CrawlPool: --workers is the thread pools' size; with --pool " + pool
                    + " the workers are ranks 1 and up: set their number with -n");
        }
        List<String> urls = i == args.length ? BOOK_URLS : List.of(args).subList(i, args.length);
        urls.forEach(NORMALIZER::seed); // a URL that is no URL is refused here, naming it, before any pool starts
        return new Options(pool, workers == null ? 3 : workers, delayMillis, urls);
    }

    private static long atLeast(String option, String value, long least) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw usage(invalid(option, value, least));
        }
        if (number < least || number > Integer.MAX_VALUE) {
            throw usage(invalid(option, value, least));
        }
        return number;
    }

    private static String invalid(String option, String value, long least) {
        return "CrawlPool: " + option + " '" + value + "' is invalid: expected an integer from " + least + " to "
                + Integer.MAX_VALUE;
    }

    private static RanksException usage(String message) {
        return new RanksException(ErrorClass.USAGE, message);
    }
}
