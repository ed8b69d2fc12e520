package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.pipeline.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launcher redis-up} in a JVM of its own: SIGTERM shuts its redis-server down cleanly, data kept. */
class RedisUpIT {
    @TempDir
    Path tmp;

    @Test
    void sigtermStopsTheServerCleanlyAndLeavesNoProcess() throws Exception {
        String why = RedisServer.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
        Path dir = tmp.resolve("redis");
        Path log = tmp.resolve("launcher.log");
        Process launcher = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "redis-up", "--port", "0",
                "--dir", dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Matcher started = Pattern.compile("(?s)broker: redis://127\\.0\\.0\\.1:(\\d+)/0\n.*\\(pid (\\d+)\\)").matcher("");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!started.reset(Files.readString(log)).find() && launcher.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(started.reset(Files.readString(log)).find(), () -> readQuietly(log));
        } finally {
            launcher.destroy();
            assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "the launcher exits on SIGTERM");
        }
        long redisPid = Long.parseLong(started.group(2));
        Optional<ProcessHandle> redis = ProcessHandle.of(redisPid);
        assertFalse(redis.isPresent() && redis.get().isAlive(), "redis-server " + redisPid + " is gone");
        String redisLog = Files.readString(dir.resolve("redis.log"));
        assertTrue(redisLog.contains("Received SIGTERM") && redisLog.contains("ready to exit"), redisLog);
        assertEquals(1, redisLog.lines().filter(line -> line.contains("Ready to accept connections")).count(), redisLog);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
