package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The FIFO engine's directory layout and the primitives its client and workers share; see
 * {@link FifoEngine} for the protocol.
 */
final class Fifos {
    /** The request pipe's name in the directory. */
    static final String REQUESTS = "requests";
    /** The prefix of a live worker's marker file, {@code worker-PID-N}. */
    static final String WORKER_PREFIX = "worker-";
    /** The prefix of a client's reply pipe, {@code reply-PID-N}. */
    static final String REPLY_PREFIX = "reply-";
    /**
     * The size of every request record and the bound of an inline reply line: Linux's PIPE_BUF, the
     * largest write to a pipe that the kernel keeps whole when several processes write at once.
     */
    static final int RECORD = 4096;

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private Fifos() {
    }

    /**
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) off Linux, where PIPE_BUF and so the
     *     atomicity the protocol rests on differ (macOS's is 512 bytes), or where there are no FIFOs
     */
    static void checkPlatform() {
        String os = System.getProperty("os.name", "unknown");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "the fifo engine is unavailable on " + os
                    + ": expected Linux (POSIX named pipes made by mkfifo, with atomic writes of " + RECORD + " bytes)");
        }
    }

    static Path checkDirectory(Path dir) {
        if (dir == null) {
            throw new RanksException(ErrorClass.ARG, "no fifo directory is given: expected --fifo-dir DIR,"
                    + " the directory a worker serves (launcher worker --fifo DIR)");
        }
        if (!Files.isDirectory(dir)) {
            throw new RanksException(ErrorClass.ARG, "fifo directory " + dir + " does not exist"
                    + (Files.exists(dir) ? " as a directory" : "") + ": expected the directory a worker serves"
                    + " (start one with: launcher worker --fifo " + dir + ")");
        }
        return dir.toAbsolutePath();
    }

    static boolean isFifo(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Makes a named pipe with the system's {@code mkfifo}, as Java has no call for it. */
    static void mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", "-m", "600", path.toString())
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "mkfifo " + path + " failed: " + said);
            }
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot run mkfifo for " + path + ": " + e.getMessage()
                    + ": expected the POSIX mkfifo command on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while making " + path, e);
        }
    }

    /**
     * Opens a pipe for reading and writing: unlike opening one end, that never blocks waiting for
     * the other side, and a reader never sees end-of-file while it holds a write end itself.
     */
    static RandomAccessFile open(Path fifo) throws IOException {
        return new RandomAccessFile(fifo.toFile(), "rw");
    }

    /** Pads a message to one record, so that it goes into the pipe, and comes out, in one piece. */
    static byte[] record(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        if (text.length >= RECORD) {
            throw new RanksException(ErrorClass.ARG, "fifo request of " + text.length + " bytes is too large: expected"
                    + " under " + RECORD + " bytes (one atomic pipe write); pass large inputs by reference");
        }
        byte[] record = Arrays.copyOf(text, RECORD);
        Arrays.fill(record, text.length, RECORD - 1, (byte) ' ');
        record[RECORD - 1] = '\n';
        return record;
    }

    /** Whether the process that made a {@code prefix-PID-N} file is alive. */
    static boolean ownerAlive(String fileName, String prefix) {
        String rest = fileName.substring(prefix.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
