package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.redis.RedisServer;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        + " writes are kept in an append-only file, so a restart finds the queues as they were. See docs/pipeline.md."})
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
        out.println("broker: " + server.url());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
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
}
