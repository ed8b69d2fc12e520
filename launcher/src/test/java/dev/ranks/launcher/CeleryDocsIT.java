package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/celery.md's commands, as written: the files it shows are docs/celery/tasks.py and client.py;
 * client.py against a Ranks worker prints what the page says; a Celery worker started from
 * tasks.py computes what {@code launcher submit} sends it. The broker is a redis-server of the
 * test's own, named by {@code $RANKS_BROKER}, which tasks.py and the launcher both read.
 */
class CeleryDocsIT {
    private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs");
    private static final Path CELERY_DIR = DOCS.resolve("celery");

    @TempDir
    Path tmp;

    private CeleryBroker broker;
    private String page;

    @BeforeEach
    void start() throws IOException {
        page = Files.readString(DOCS.resolve("celery.md"), StandardCharsets.UTF_8);
        broker = CeleryBroker.start();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thePageShowsTheShippedFiles() throws IOException {
        assertEquals(Files.readString(CELERY_DIR.resolve("tasks.py")), block("```python\n# tasks.py"));
        assertEquals(Files.readString(CELERY_DIR.resolve("client.py")), block("```python\n# client.py"));
    }

    @Test
    void theBooksClientGetsItsAnswersFromARanksWorker() throws Exception {
        String worker = "bin/launcher worker -Q celery,fibo_queue,sqrt_queue,webcrawler_queue --concurrency 8";
        String client = "cd docs/celery\npython3 client.py";
        assertTrue(page.contains(worker) && page.contains(client), "the page's commands");
        Path workerLog = tmp.resolve("worker.log");
        Process ranks = broker.launcher(workerLog, worker.substring("bin/launcher ".length()).split(" "));
        waitFor(workerLog, "consumes celery, fibo_queue", ranks);

        Path clientLog = tmp.resolve("client.log");
        Process python = start(broker.python(CELERY_DIR, "client.py"), clientLog);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "client.py ran over 2 minutes");
        assertEquals(0, python.exitValue(), Files.readString(clientLog));
        // the task ids differ from run to run: the page shows one run's, the test compares with any id
        assertEquals(anyId(block("which prints\n\n```")), anyId(Files.readString(clientLog)),
                "what the page says it prints");
    }

    @Test
    void aCeleryWorkerOnTasksPyComputesWhatSubmitSends() throws Exception {
        String celery = "python3 -m celery -A tasks worker -Q celery_side --concurrency 2";
        String fibo = "bin/launcher submit tasks.fibo_task 30 --queue celery_side --wait";
        String sqrt = "bin/launcher submit tasks.sqrt_task '\"x\"' --queue celery_side --wait";
        assertTrue(page.contains("cd docs/celery\n" + celery) && page.contains(fibo) && page.contains(sqrt),
                "the page's commands");
        start(broker.python(CELERY_DIR, celery.substring("python3 ".length()).split(" ")), tmp.resolve("celery.log"));

        Path fiboLog = tmp.resolve("fibo.log");
        Process fiboRun = broker.launcher(fiboLog, "submit", "tasks.fibo_task", "30", "--queue", "celery_side", "--wait");
        assertTrue(fiboRun.waitFor(120, TimeUnit.SECONDS), () -> "submit waited over 2 minutes; " + logs());
        assertEquals(0, fiboRun.exitValue(), this::logs);
        assertTrue(lastLine(fiboLog).matches("\\{\"id\":\"([0-9a-f-]{36})\",\"status\":\"SUCCESS\",\"result\":\\[30,"
                + "\"The Fibonacci calculated with task id \\1 was 832040\"]}"), this::logs);

        Path sqrtLog = tmp.resolve("sqrt.log");
        Process sqrtRun = broker.launcher(sqrtLog, "submit", "tasks.sqrt_task", "\"x\"", "--queue", "celery_side", "--wait");
        assertTrue(sqrtRun.waitFor(120, TimeUnit.SECONDS), () -> "submit waited over 2 minutes; " + logs());
        assertEquals(1, sqrtRun.exitValue(), this::logs);
        assertTrue(Files.readString(sqrtLog).contains("\"status\":\"FAILURE\",\"error\":\"FAILURE: builtins.TypeError:"
                + " must be real number, not str"), this::logs);
    }

    private static String anyId(String text) {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<task id>");
    }

    /** The text of the fenced block whose opening fence {@code opening} contains, from the line after that fence. */
    private String block(String opening) {
        int at = page.indexOf(opening);
        assertTrue(at >= 0, "docs/celery.md has " + opening);
        int from = page.indexOf('\n', at + opening.indexOf("```")) + 1;
        return page.substring(from, page.indexOf("```", from));
    }

    private Process start(ProcessBuilder pb, Path log) throws IOException {
        return broker.start(pb.redirectErrorStream(true).redirectOutput(log.toFile()));
    }

    private static void waitFor(Path log, String text, Process process) throws Exception {
        assertTrue(ProcessLog.await(process, log, text, Duration.ofSeconds(30)), Files.readString(log));
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path log : files.sorted().toList()) {
                text.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        } catch (IOException e) {
            text.append(e);
        }
        return text.toString();
    }
}
