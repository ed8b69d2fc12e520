package dev.ranks.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The ITs' wait for a line from a process they started with its output in a log file. */
final class ProcessLog {
    private ProcessLog() {
    }

    /**
     * Waits until the log holds some text, the process has ended, or the time is up.
     *
     * @param process the process writing the log
     * @param log its output
     * @param text what to wait for
     * @param limit how long to wait at most
     * @return whether the log holds the text
     */
    static boolean await(Process process, Path log, String text, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.readString(log).contains(text) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Files.readString(log).contains(text);
    }
}
