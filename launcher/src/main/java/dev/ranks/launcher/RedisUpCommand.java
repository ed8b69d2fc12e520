package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.QueueReport;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.TaskQueue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launcher redis-up}: a local broker for {@code --engine redis}, {@code worker} and Celery:
 * Debian's redis-server on loopback, with append-only persistence in a data directory, run in the
 * foreground until Ctrl-C or SIGTERM, which shut it down cleanly (through {@link RedisServer}'s
 * shutdown hook). Exit 0 when the server shut down cleanly (also by a client's SHUTDOWN), 1 when
 * it died, 2 when the port is taken or redis-server is not installed.
 */
@Command(name = "redis-up", description = {
    "Runs a redis-server on 127.0.0.1 for --engine redis, 'launcher worker --broker' and Celery, in the foreground"
        + " until Ctrl-C or SIGTERM (then it shuts down cleanly, keeping its data). Prints the broker URL first:"
        + " broker: redis://127.0.0.1:PORT/0.",
    "Needs Debian's redis-server (apt-get install redis-server). Data, config and log (redis.log) go in --dir;"
        + " writes are kept in an append-only file, so a restart finds the queues as they were: it says how many"
        + " messages wait from an earlier run, and --fresh starts empty instead. See docs/pipeline.md."})
final class RedisUpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6379",
            description = "The port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The data directory, made when missing. Default: ~/.ranks/redis.")
    private Path dir;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Requires this password (Redis AUTH); the broker URL then carries it.")
    private String password;

    @Option(names = "--fresh", description = "Starts with no queues, results or revokes: deletes what an earlier run left"
            + " in --dir.")
    private boolean fresh;

    @Override
    public Integer call() throws InterruptedException {
        String missing = RedisServer.unavailableReason();
        if (missing != null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "launcher redis-up needs redis-server: " + missing);
        }
        if (port < 0 || port > 65_535) {
            throw new RanksException(ErrorClass.USAGE, "--port " + port + " is invalid: expected 1 to 65535, or 0 for a"
                    + " free port");
        }
        Path data = dir != null ? dir : Path.of(System.getProperty("user.home"), ".ranks", "redis");
        RedisServer.Builder builder = RedisServer.builder().port(port).dir(data);
        if (password != null) {
            builder.password(password);
        }
        RedisServer server;
        try {
            server = builder.start();
        } catch (RanksException e) {
            if (e.errorClass() == ErrorClass.ARG) {
                throw new RanksException(ErrorClass.USAGE, -1, e.getMessage() + " (choose another with --port, or 0 for"
                        + " any free port)", e);
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            earlierRun(server, err);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        out.println("broker: " + server.url());
        out.flush();
        err.println("redis-server (pid " + server.pid() + ") serves 127.0.0.1:" + server.port() + "; data and log in "
                + server.dir() + "; stop with Ctrl-C");
        err.flush();
        try {
            int status = server.waitFor();
            if (status != 0) {
                err.println("redis-server exited with status " + status + "; see " + server.dir().resolve("redis.log"));
                err.flush();
                return 1;
            }
            return 0;
        } finally {
            server.close();
        }
    }

    /**
     * The append-only file brings an earlier run's queues back, which then show in
     * {@code launcher queues} and run on the next worker: says so, or with {@code --fresh} empties
     * the server first.
     */
    private void earlierRun(RedisServer server, PrintWriter err) {
        if (fresh) {
            server.command("FLUSHALL");
            return;
        }
        QueueReport report;
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(server.url()), System.err)) {
            report = client.report(List.of());
        }
        long waiting = report.queues().stream().mapToLong(QueueReport.Row::depth).sum();
        long inFlight = report.queues().stream().mapToLong(QueueReport.Row::inFlight).sum();
        if (waiting + inFlight == 0) {
            return;
        }
        List<String> where = report.queues().stream().filter(q -> q.depth() + q.inFlight() > 0)
                .map(q -> q.name() + " (" + q.depth() + (q.inFlight() > 0 ? " + " + q.inFlight() + " in flight" : "")
                        + ")").toList();
        err.println(waiting + " message(s) waiting and " + inFlight + " in flight from an earlier run, in "
                + String.join(", ", where) + " (kept in " + server.dir() + "): the next worker runs them;"
                + " 'launcher queues' shows them, 'launcher redis-up --fresh' starts empty");
        err.flush();
    }
}
