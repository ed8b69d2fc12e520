package dev.ranks.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.pipeline.redis.CeleryWorker;
import dev.ranks.pipeline.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of a Celery interop IT's own, and the processes the test starts against it with
 * {@code $RANKS_BROKER} naming it: Debian's python3 (which has Celery) and the launcher in a JVM of its
 * own, as bin/launcher runs it. Closing it ends every process it started, then the server.
 */
final class CeleryBroker implements AutoCloseable {
    private final RedisServer redis;
    private final List<Process> started = new ArrayList<>();

    private CeleryBroker(RedisServer redis) {
        this.redis = redis;
    }

    /**
     * Skips the calling test, saying why, where redis-server or Celery is missing; otherwise starts the
     * server.
     *
     * @return the broker
     */
    static CeleryBroker start() {
        String noRedis = RedisServer.unavailableReason();
        assumeTrue(noRedis == null, () -> "skipped: " + noRedis);
        String noCelery = CeleryWorker.unavailableReason();
        assumeTrue(noCelery == null, () -> "skipped: " + noCelery);
        return new CeleryBroker(RedisServer.builder().appendOnly(false).start());
    }

    /** @return the server's URL */
    String url() {
        return redis.url();
    }

    /**
     * Debian's python3, not whatever python3 comes first on the PATH (a pyenv one has no Celery), in a
     * directory, without the environment of another Python, and writing no bytecode into the repository.
     *
     * @param dir the working directory
     * @param args python3's arguments
     * @return the process to start with {@link #start(ProcessBuilder)}
     */
    ProcessBuilder python(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.remove("PYTHONHOME");
        env.remove("VIRTUAL_ENV");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("RANKS_BROKER", redis.url());
        return pb;
    }

    /**
     * Starts the launcher with these arguments in a JVM of its own: bin/launcher runs this main class.
     *
     * @param log where its stdout and stderr go
     * @param args the launcher's arguments
     * @return the process, ended by {@link #close()}
     */
    Process launcher(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("RANKS_BROKER", redis.url());
        return start(pb.redirectErrorStream(true).redirectOutput(log.toFile()));
    }

    /**
     * Starts a process, to be ended by {@link #close()}.
     *
     * @param pb the process, its output already redirected
     * @return it
     */
    Process start(ProcessBuilder pb) throws IOException {
        Process process = pb.start();
        started.add(process);
        return process;
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        redis.close();
    }
}
