package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Worker JVMs do not outlive a parent killed outright: their stdin ends and they exit. */
class ProcessesEngineIT {
    @Test
    void workersExitWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), OrphanParent.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        assertTrue(line != null && line.startsWith("pids "), "the parent printed " + line);
        String[] pids = line.substring("pids ".length()).split(" ");
        ProcessHandle first = ProcessHandle.of(Long.parseLong(pids[0])).orElseThrow();
        ProcessHandle second = ProcessHandle.of(Long.parseLong(pids[1])).orElseThrow();
        parent.destroyForcibly();
        assertTrue(parent.waitFor(20, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((first.isAlive() || second.isAlive()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(false, first.isAlive(), "worker " + first.pid() + " outlived its parent");
        assertEquals(false, second.isAlive(), "worker " + second.pid() + " outlived its parent");
    }
}
