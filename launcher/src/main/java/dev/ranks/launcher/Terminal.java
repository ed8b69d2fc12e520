package dev.ranks.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the launcher's output goes to a terminal, for the progress lines of long crawls and batches. */
final class Terminal {
    private Terminal() {
    }

    /**
     * Tells whether a progress line would help: stderr is a terminal, and the records do not scroll
     * past on that same terminal (they would break the line, and are progress enough themselves).
     * Java 17 has no isatty for stderr ({@link System#console()} looks at stdin and stdout), so on
     * Linux this asks /proc where the descriptors lead; elsewhere it falls back to the console.
     *
     * @param recordsOnStdout whether the records are written to stdout rather than a file
     * @return true when the line should be drawn
     */
    static boolean progressWanted(boolean recordsOnStdout) {
        return isTerminal(2) && !(recordsOnStdout && isTerminal(1));
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
