package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ranks.examples.Launch.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The books' asyncio, {@code concurrent.futures}, crawler and Parallel Python examples
 * ({@code dev.ranks.examples.books}) as a user runs them, {@code bin/launcher -n N run --class-path
 * ranks-examples.jar dev.ranks.examples.books.NAME}. Where the order depends on threads, ranks or
 * random draws, the tests check the shape and the invariants: every item once, a valid path, a cycle.
 */
class BooksAsyncIT {

    @TempDir
    Path cwd;

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void futuresPoolsEvaluatesEveryItemSequentiallyOnTheThreadPoolAndOnTheRanks(int ranks) throws Exception {
        List<String> lines = run(ranks, "FuturesPools");
        String all = String.join("\n", lines);

        List<String> items = IntStream.rangeClosed(1, 10).mapToObj(i -> "Item " + i + ", result " + i * 10_000_000L).toList();
        int sequential = indexOfMatch(lines, "Sequential Execution in \\d+\\.\\d+(E-\\d+)? seconds");
        int threads = indexOfMatch(lines, "Thread Pool Execution in \\d+\\.\\d+(E-\\d+)? seconds");
        int processes = indexOfMatch(lines, "Process Pool Execution in \\d+\\.\\d+(E-\\d+)? seconds");
        assertEquals(items, lines.subList(0, sequential), all);
        assertEquals(sorted(items), sorted(lines.subList(sequential + 1, threads)), all);
        assertEquals(sorted(items), sorted(lines.subList(threads + 1, processes)), all);
        assertEquals(lines.size() - 1, processes, all);
    }

    @Test
    void eventLoopCallsTaskATaskBAndTaskCInTurnUntilTheEndTimeThenStops() throws Exception {
        // Every call waits 0.05 s (call_later(1) scaled) before the next, so 2 s leave room for at most 41 calls.
        List<String> lines = run(1, "EventLoop", "--duration", "2", "--scale", "0.05", "--seed", "3");

        assertTrue(lines.size() >= 3 && lines.size() <= 41, lines::toString);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(List.of("task_A called", "task_B called ", "task_C called").get(i % 3), lines.get(i), lines::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void coroutineStateMachinePrintsAValidPathFromTheStartStateToTheEndState(int seed) throws Exception {
        List<String> lines = run(1, "CoroutineStateMachine", "--seed", Integer.toString(seed));
        String all = String.join("\n", lines);

        assertEquals(List.of("Finite State Machine simulation with Asyncio Coroutine", "Start State called", ""),
                lines.subList(0, 3), all);
        int resume = lines.indexOf("Resume of the Transition : ");
        assertEquals("...stop computation...", lines.get(resume - 1), all);
        List<String> path = lines.subList(resume + 1, lines.size() - 1);
        assertEquals("", lines.get(lines.size() - 1), all); // the end state's text ends in a newline too
        // States 1 to 3 each print ...evaluating... once per visit; the start state does not.
        assertEquals(List.of(), lines.subList(3, resume - 1).stream().filter(l -> !l.equals("...evaluating...")).toList(), all);
        assertEquals(path.size() - 1, resume - 4, all);

        Map<String, List<String>> next = Map.of(
                "Start State", List.of("State 2", "State 1"),
                "State 1", List.of("State 3", "State 2"),
                "State 2", List.of("State 1", "State 3"),
                "State 3", List.of("State 1", "End State"));
        String state = "Start State";
        Pattern step = Pattern.compile("(.+) calling (.+) with transition value = ([01])");
        for (String line : path) {
            Matcher m = step.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(state, m.group(1), all);
            assertEquals(next.get(state).get(Integer.parseInt(m.group(3))), m.group(2), all);
            state = m.group(2);
        }
        assertEquals("End State", state, all);
    }

    @Test
    void coroutineStateMachineTakesTheSamePathForTheSameSeed() throws Exception {
        assertEquals(run(1, "CoroutineStateMachine", "--seed", "7"), run(1, "CoroutineStateMachine", "--seed", "7"));
    }

    @Test
    void crawlPoolThreadsLogsBothPoolsStagesThenEachUrlWithItsFirstLink() throws Exception {
        HttpServer server = site();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> lines = run(1, "CrawlPool", "--pool", "threads", "--delay-ms", "0", base + "/", base + "/a.html",
                    base + "/b.html", base + "/missing.html");

            String asctime = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - ";
            assertTrue(lines.stream().allMatch(l -> l.matches(asctime + ".*")), lines::toString);
            List<String> messages = lines.stream().map(l -> l.replaceFirst(asctime, "")).toList();
            // Four URLs on pools of three: the first pool starts Thread-1 to 3, the second Thread-4 to 6.
            assertStages(base, messages, "Thread-[123]", "Thread-[456]");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void crawlPoolProcessesLogsBothPoolsStagesWithTheRanksProcessNames() throws Exception {
        HttpServer server = site();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> lines = run(3, "CrawlPool", "--pool", "processes", "--delay-ms", "0", base + "/", base + "/a.html",
                    base + "/b.html", base + "/missing.html");

            // Ranks 1 and 2 are Process-2 and 3 in the first pool, Process-4 and 5 in the second.
            assertStages(base, lines, "Process-[23]", "Process-[45]");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void crawlPoolPpPrintsEachUrlsFirstThreeLinksWithThePidAndHostnameOfItsRank() throws Exception {
        HttpServer server = site();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> urls = List.of(base + "/", base + "/a.html", base + "/b.html", base + "/many.html", base + "/missing.html");
            List<String> args = new ArrayList<>(List.of("--pool", "pp", "--delay-ms", "0"));
            args.addAll(urls);
            List<String> lines = run(3, "CrawlPool", args.toArray(String[]::new));
            String all = String.join("\n", lines);

            Matcher main = Pattern.compile("Main process PID \\[(\\d+)]").matcher(lines.get(6));
            assertTrue(main.matches(), all);
            String pid = main.group(1);
            assertEquals(Collections.nCopies(5, "Computing results in main process PID [" + pid + "]"), lines.subList(0, 5), all);
            assertEquals(List.of("", ""), List.of(lines.get(5), lines.get(7)), all);
            // On the local device every rank is a thread of the launcher's JVM: one pid and one host throughout.
            String by = "PID " + pid + " in hostname [" + InetAddress.getLocalHost().getHostName() + "] ";
            Map<String, String> expected = Map.of(
                    base + "/", by + "the following links were found: ['" + base + "/a.html', '" + base + "/b.html']",
                    base + "/a.html", by + "the following links were found: ['" + base + "/b.html']",
                    base + "/b.html", by + "the following links were found: []",
                    base + "/many.html", by + "the following links were found: ['" + base + "/', '" + base + "/a.html', '"
                            + base + "/b.html']",
                    base + "/missing.html", by + "the page could not be fetched: http_4xx: HTTP 404");
            Map<String, String> found = new HashMap<>();
            Pattern forUrl = Pattern.compile("\\*\\* For url (\\S+), (.*)");
            for (int i = 8; i < 18; i += 2) {
                Matcher m = forUrl.matcher(lines.get(i));
                assertTrue(m.matches(), all);
                found.put(m.group(1), m.group(2));
                assertEquals("", lines.get(i + 1), all);
            }
            assertEquals(expected, found, all);

            assertEquals(List.of("Job execution statistics:", " job count | % of all jobs | job time sum | time per job | job server"),
                    lines.subList(18, 20), all);
            int jobs = 0;
            int row = 20;
            for (Matcher m; (m = Pattern.compile(" +(\\d) \\| +\\d+\\.\\d\\d \\| +\\d+\\.\\d{4} \\| +\\d+\\.\\d{6} \\| rank [12]")
                    .matcher(lines.get(row))).matches(); row++) {
                jobs += Integer.parseInt(m.group(1));
            }
            assertEquals(5, jobs, all);
            assertTrue(lines.get(row).matches("Time elapsed since server creation \\d+\\.\\d+(E-\\d+)?"), all);
            assertEquals(List.of("0 active tasks, 2 cores", ""), lines.subList(row + 1, lines.size()), all);
        } finally {
            server.stop(0);
        }
    }

    /**
     * The crawlers' lines after the time: each URL put in the dictionary once by a worker of the first pool, then
     * crawled once by one of the second, then each with its first link.
     */
    private static void assertStages(String base, List<String> lines, String firstPool, String secondPool) {
        String all = String.join("\n", lines);
        List<String> urls = List.of(base + "/", base + "/a.html", base + "/b.html", base + "/missing.html");
        assertEquals(12, lines.size(), all);
        List<String> put = new ArrayList<>();
        for (String line : lines.subList(0, 4)) {
            Matcher m = Pattern.compile("\\[" + firstPool + "] putting url \\[(.+)] in dictionary\\.\\.\\.").matcher(line);
            assertTrue(m.matches(), all);
            put.add(m.group(1));
        }
        assertEquals(sorted(urls), sorted(put), all);
        List<String> crawled = new ArrayList<>();
        for (String line : lines.subList(4, 8)) {
            Matcher m = Pattern.compile("\\[" + secondPool + "] crawling url \\[(.+)] \\.\\.\\.").matcher(line);
            assertTrue(m.matches(), all);
            crawled.add(m.group(1));
        }
        assertEquals(sorted(urls), sorted(crawled), all);
        Map<String, String> withLinks = Map.of(
                base + "/", "[" + base + "/] with links : [" + base + "/a.html...",
                base + "/a.html", "[" + base + "/a.html] with links : [" + base + "/b.html...",
                base + "/b.html", "[" + base + "/b.html] with no links",
                base + "/missing.html", "[" + base + "/missing.html] could not be fetched: http_4xx: HTTP 404");
        // The dict's order is the order the puts landed, which a worker's log line may not show: it races the others'.
        assertEquals(sorted(List.copyOf(withLinks.values())), sorted(lines.subList(8, 12)), all);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--pool fibers http://127.0.0.1:1/ | CrawlPool: --pool 'fibers' is invalid: expected threads, processes or pp",
        "--workers 0 http://127.0.0.1:1/   | CrawlPool: --workers '0' is invalid: expected an integer from 1 to",
        "--pool threads notaurl            | seed URL 'notaurl' is invalid: no scheme",
        "--pool processes http://127.0.0.1:1/ | CrawlPool --pool processes needs at least 2 ranks (-n), got 1",
        "--pool pp --workers 2 http://127.0.0.1:1/ | CrawlPool: --workers is the thread pools"})
    void crawlPoolRefusesBadInputNamingIt(String args, String message) throws Exception {
        Run run = Launch.book(cwd, 1, "CrawlPool", args.split(" "));

        assertNotEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void ppFibonacciComputesTheTermsOfTheInputListOnTheRanks(int ranks) throws Exception {
        List<String> lines = run(ranks, "PpFibonacci");
        String all = String.join("\n", lines);

        Matcher main = Pattern.compile("Main process PID \\[(\\d+)]").matcher(lines.get(5));
        assertTrue(main.matches(), all);
        String pid = main.group(1);
        // On the local device every rank is a thread of the launcher's JVM: one pid throughout.
        assertEquals(List.of(
                "Computing results with PID [" + pid + "]",
                "Computing results with PID [" + pid + "]",
                "Computing results with PID [" + pid + "]",
                "Computing results with PID [" + pid + "]",
                "Computing results with PID [" + pid + "]",
                "Main process PID [" + pid + "]",
                "For input 4, the fibonacci calculated by pid " + pid + " was 3",
                "For input 3, the fibonacci calculated by pid " + pid + " was 2",
                "For input 8, the fibonacci calculated by pid " + pid + " was 21",
                "For input 6, the fibonacci calculated by pid " + pid + " was 8",
                "For input 10, the fibonacci calculated by pid " + pid + " was 55"), lines);
    }

    /**
     * A site on a free loopback port: {@code /} links to {@code a.html} and {@code b.html}, {@code a.html} to
     * {@code b.html}, {@code b.html} to nothing, {@code many.html} to four pages; anything else, robots.txt
     * included, is 404.
     */
    private static HttpServer site() throws IOException {
        Map<String, String> pages = Map.of(
                "/", "<html><body><a href=\"/a.html\">a</a> <a href=\"/b.html\">b</a></body></html>",
                "/a.html", "<html><body><a href=\"b.html\">b</a></body></html>",
                "/b.html", "<html><body>no links here</body></html>",
                "/many.html", "<html><body><a href=\"/\">0</a> <a href=\"a.html\">a</a> <a href=\"b.html\">b</a>"
                        + " <a href=\"c.html\">c</a></body></html>");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static int indexOfMatch(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        throw new AssertionError("no line matches " + regex + " in " + lines);
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private List<String> run(int ranks, String program, String... args) throws Exception {
        return Launch.bookLines(cwd, ranks, program, args);
    }
}
