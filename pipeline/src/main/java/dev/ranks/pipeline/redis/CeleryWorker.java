package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Celery 5 worker (Debian's {@code python3-celery}) run as a child process on the tasks of
 * {@code celery_tasks.py}, which are those of docs/celery/tasks.py ({@code tasks.fibo_task},
 * {@code tasks.sqrt_task}, {@code tasks.crawl_task}),
 * for interop tests and for the Celery side of {@code launcher bench queue}. The scripts ship in
 * this jar and are written into a fresh temporary directory per worker; the worker runs
 *
 * <pre>{@code
 * /usr/bin/python3 -m celery -A celery_tasks worker -Q QUEUES -c N --pool prefork
 *     --without-heartbeat --without-gossip --without-mingle -l info
 * }</pre>
 *
 * <p>with the broker and result backend in the environment variable {@code RANKS_BROKER}.
 * Debian's interpreter is named by its path because the {@code python3} first on a developer's
 * PATH (pyenv, a virtualenv) usually lacks Celery. {@link #start(String, List, int)} returns once
 * the worker is ready (celery_tasks.py says so on Celery's {@code worker_ready} signal);
 * {@link #stop()} is Celery's warm shutdown (SIGTERM: running tasks finish, unstarted prefetched
 * ones go back to the queue), which takes Celery 5.2 about 4 s. No worker outlives its JVM unless
 * that is killed with SIGKILL: a shutdown hook kills those still running.
 */
public final class CeleryWorker implements AutoCloseable {
    /** Debian's interpreter, where {@code python3-celery} and {@code python3-redis} install. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    /** The task module, a resource beside this class: the tasks of {@link #BOOK_TASKS} and a ready line. */
    static final String TASKS_SCRIPT = "celery_tasks.py";
    /** The books' task module that docs/celery.md shows, docs/celery/tasks.py, which the build copies beside this class. */
    static final String BOOK_TASKS = "tasks.py";
    /** The client script, a resource beside this class. */
    static final String CLIENT_SCRIPT = "celery_client.py";
    /** What celery_tasks.py prints, whatever the log level, when the worker consumes. */
    private static final String READY_MARK = "ranks-celery-worker-ready";
    private static final List<String> LOG_LEVELS = List.of("debug", "info", "warning", "error", "critical");
    private static final long READY_MILLIS = 60_000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 30;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Set<CeleryWorker> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile String unavailable;
    private static volatile boolean probed;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(CeleryWorker::kill),
                "ranks-celery-worker-kill"));
    }

    private final Path dir;
    private final String name;
    private Process process;
    private boolean closed;

    private CeleryWorker(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /**
     * Says why no Celery worker or client can run here; asks {@code /usr/bin/python3} once per JVM.
     *
     * @return null when /usr/bin/python3 imports celery and redis, else why not and what to install
     */
    public static String unavailableReason() {
        if (!probed) {
            unavailable = probe();
            probed = true;
        }
        return unavailable;
    }

    private static String probe() {
        String install = "install it with: apt-get install python3-celery python3-redis";
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " does not exist, and Celery runs on Debian's python3: " + install;
        }
        Child run = Child.run(python(Path.of(System.getProperty("java.io.tmpdir")), "",
                "-c", "import celery, kombu, redis; print(celery.__version__, kombu.__version__, redis.__version__)"),
                Duration.ofSeconds(30));
        return run.exitCode() == 0 ? null : PYTHON + " cannot import celery and redis (" + lastLine(run.err()) + "): "
                + install;
    }

    /**
     * Starts a worker consuming the given queues, logging at INFO (a line per task received and
     * succeeded), and waits until it is ready.
     *
     * @param broker the broker and result backend URL, as {@link RedisServer#url()} gives it
     * @param queues the queues to consume, such as {@code fibo_queue}
     * @param concurrency how many prefork pool processes run tasks at once
     * @return the running worker
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when Celery is missing, the worker
     *     cannot connect to the broker, or exits or is not ready within 60 s (the message holds its
     *     log's last lines); ({@link ErrorClass#ARG}) when there is no queue or the concurrency is
     *     below 1
     */
    public static CeleryWorker start(String broker, List<String> queues, int concurrency) {
        return start(broker, queues, concurrency, "info");
    }

    /**
     * Starts a worker with a log level of one's own: a benchmark runs Celery at {@code warning},
     * as its per-task INFO lines cost it about a third of its throughput.
     *
     * @param broker the broker and result backend URL, as {@link RedisServer#url()} gives it
     * @param queues the queues to consume, such as {@code fibo_queue}
     * @param concurrency how many prefork pool processes run tasks at once
     * @param logLevel Celery's {@code -l}: debug, info, warning, error or critical
     * @return the running worker
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) as {@link #start(String, List, int)};
     *     ({@link ErrorClass#ARG}) also for an unknown log level
     */
    public static CeleryWorker start(String broker, List<String> queues, int concurrency, String logLevel) {
        if (queues.isEmpty() || queues.stream().anyMatch(q -> q.isBlank() || q.contains(","))) {
            throw new RanksException(ErrorClass.ARG, "queues " + queues + " are invalid: expected one or more names"
                    + " without commas, such as fibo_queue");
        }
        if (concurrency < 1) {
            throw new RanksException(ErrorClass.ARG, "concurrency " + concurrency + " is invalid: expected at least 1");
        }
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new RanksException(ErrorClass.ARG, "log level '" + logLevel + "' is unknown: expected one of "
                    + String.join(", ", LOG_LEVELS));
        }
        String missing = unavailableReason();
        if (missing != null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, missing);
        }
        CeleryWorker worker = new CeleryWorker(scripts("ranks-celery-worker"),
                "ranks" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet());
        try {
            worker.launch(broker, queues, concurrency, logLevel);
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        return worker;
    }

    private synchronized void launch(String broker, List<String> queues, int concurrency, String logLevel) {
        Path log = log();
        ProcessBuilder pb = python(dir, broker, "-m", "celery", "-A", "celery_tasks", "worker",
                "-Q", String.join(",", queues), "-c", Integer.toString(concurrency), "--pool", "prefork",
                // A node name of our own: two workers of one test on one host would otherwise share celery@HOST.
                "-n", name + "@%h",
                "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", logLevel);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot start a Celery worker with " + PYTHON + ": "
                    + e.getMessage(), e);
        }
        RUNNING.add(this);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
        while (System.nanoTime() < deadline) {
            List<String> lines = logText().lines().toList();
            if (lines.contains(READY_MARK)) {
                return;
            }
            // Celery would retry the broker 100 times with growing pauses; at start that is a wrong URL or a dead broker.
            String refused = lines.stream().filter(line -> line.contains("consumer: Cannot connect to")).findFirst()
                    .orElse(null);
            if (refused != null) {
                kill();
                throw new RanksException(ErrorClass.UNAVAILABLE, "the Celery worker cannot reach its broker: "
                        + refused.substring(refused.indexOf("Cannot connect to")));
            }
            if (!process.isAlive()) {
                int code = process.exitValue();
                RUNNING.remove(this);
                process = null;
                throw new RanksException(ErrorClass.UNAVAILABLE, "the Celery worker exited with " + code
                        + " before it was ready; the last lines of its log:\n" + logTail());
            }
            sleep(50);
        }
        kill();
        throw new RanksException(ErrorClass.UNAVAILABLE, "the Celery worker was not ready within " + READY_MILLIS / 1000
                + " s; the last lines of its log:\n" + logTail());
    }

    /** @return the worker's main process id, or -1 when it is not running */
    public synchronized long pid() {
        return process != null ? process.pid() : -1;
    }

    /** @return the worker's node name, {@code ranksPID-N@HOST} without the host */
    public String name() {
        return name;
    }

    /** @return whether the worker's main process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return the worker's log file (its stdout and stderr); deleted on {@link #close()} */
    public Path log() {
        return dir.resolve("worker.log");
    }

    /** @return what the worker has logged so far, or an empty string before it has */
    public String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Celery worker's log " + log(), e);
        }
    }

    /**
     * Stops the worker as Celery's warm shutdown does (SIGTERM: tasks running finish), and kills
     * it with its pool processes when it has not exited within 10 s.
     */
    public void stop() {
        stop(STOP_GRACE);
    }

    /**
     * Stops the worker as Celery's warm shutdown does, with a grace period of one's own.
     *
     * @param grace how long the worker may take to finish its running tasks before SIGKILL
     */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> pool = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return;
        }
        // The main process has reaped its pool on a warm shutdown; this catches any it left.
        pool.forEach(ProcessHandle::destroyForcibly);
        process = null;
        RUNNING.remove(this);
    }

    /** Kills the worker and its pool processes with SIGKILL, as a crash would, and waits for them. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        // The pool first seen, then killed with its parent: once the parent is gone they are no longer its descendants.
        List<ProcessHandle> pool = process.descendants().toList();
        process.destroyForcibly();
        pool.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
            for (ProcessHandle child : pool) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new RanksException(ErrorClass.INTERNAL, -1, "a Celery pool process of " + name
                    + " did not exit after SIGKILL", e);
        }
        process = null;
        RUNNING.remove(this);
    }

    /** Stops the worker if it runs (warm shutdown, then SIGKILL after 10 s) and deletes its directory. */
    @Override
    public synchronized void close() {
        stop();
        if (!closed) {
            closed = true;
            Trees.delete(dir);
        }
    }

    @Override
    public String toString() {
        return "Celery worker " + name + " (pid " + pid() + ", log " + log() + ")";
    }

    private String logTail() {
        List<String> lines = logText().lines().toList();
        return lines.isEmpty() ? "(empty)" : String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES),
                lines.size()));
    }

    /**
     * Writes the scripts into a fresh temporary directory.
     *
     * @param prefix the directory name's prefix
     * @return the directory
     */
    static Path scripts(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            for (String script : List.of(BOOK_TASKS, TASKS_SCRIPT, CLIENT_SCRIPT)) {
                try (InputStream in = CeleryWorker.class.getResourceAsStream(script)) {
                    if (in == null) {
                        throw new RanksException(ErrorClass.INTERNAL, "the resource " + script + " is missing beside "
                                + CeleryWorker.class.getName() + ": the jar is incomplete");
                    }
                    Files.copy(in, dir.resolve(script));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot write the Celery scripts into a temporary"
                    + " directory: " + e.getMessage(), e);
        }
    }

    /**
     * A {@code /usr/bin/python3} command run in the scripts' directory, with only that directory on
     * its module path and the broker in {@code RANKS_BROKER}.
     */
    static ProcessBuilder python(Path dir, String broker, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        // A virtualenv's or pyenv's settings would point Debian's interpreter at modules without Celery.
        env.remove("PYTHONHOME");
        env.remove("VIRTUAL_ENV");
        env.put("PYTHONPATH", dir.toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("RANKS_BROKER", broker);
        return pb;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while waiting for the Celery worker", e);
        }
    }

    /**
     * A finished Python process: its exit code, stdout lines and stderr.
     *
     * @param exitCode the exit status; -1 when it was killed for running past its time limit
     * @param out what it printed on stdout, line by line
     * @param err what it printed on stderr
     */
    record Child(int exitCode, List<String> out, String err) {
        /** Runs a process to its end, killing it (and reporting exit -1) past the limit. */
        static Child run(ProcessBuilder pb, Duration limit) {
            Path err = null;
            try {
                err = Files.createTempFile("ranks-python", ".err");
                pb.redirectError(err.toFile());
                Process p = pb.start();
                p.getOutputStream().close();
                AtomicBoolean killed = new AtomicBoolean();
                Thread timer = new Thread(() -> {
                    try {
                        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                            killed.set(true);
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                    }
                }, "ranks-python-limit");
                timer.setDaemon(true);
                timer.start();
                List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                int code = p.waitFor();
                return new Child(killed.get() ? -1 : code, out, Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot run " + String.join(" ", pb.command()) + ": "
                        + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while running " + pb.command().get(0), e);
            } finally {
                if (err != null) {
                    try {
                        Files.deleteIfExists(err);
                    } catch (IOException e) {
                        // A temporary file left behind is harmless; the run's outcome matters more.
                        err.toFile().deleteOnExit();
                    }
                }
            }
        }
    }
}
