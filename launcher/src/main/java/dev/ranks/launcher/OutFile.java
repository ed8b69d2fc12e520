package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens or checks the file an output option names, before any rank starts, so that a bad path is a usage error
 * naming it.
 */
final class OutFile {
    private OutFile() {
    }

    /**
     * Opens a file for writing, replacing it.
     *
     * @param option the option that named it, such as {@code --out}, for the message
     * @param file the file
     * @return a writer of UTF-8 text
     * @throws RanksException of class {@link ErrorClass#ARG} naming the option, the path and what was wrong
     */
    static PrintWriter open(String option, Path file) {
        checkPlace(option, file);
        try {
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, option + " '" + file + "' cannot be written (" + reason(e)
                    + "): expected a file this user may write", e);
        }
    }

    /**
     * Checks, without creating it, that a file may be written later: for output that exists only
     * once the work is done, such as a plot.
     *
     * @param option the option that named it, for the message
     * @param file the file
     * @throws RanksException of class {@link ErrorClass#ARG} naming the option, the path and what was wrong
     */
    static void check(String option, Path file) {
        Path parent = checkPlace(option, file);
        boolean writable = Files.exists(file) ? Files.isWritable(file) : parent == null || Files.isWritable(parent);
        if (!writable) {
            throw new RanksException(ErrorClass.ARG, option + " '" + file
                    + "' cannot be written (permission denied): expected a file this user may write");
        }
    }

    private static Path checkPlace(String option, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            String missing = Files.exists(parent) ? "is not a directory" : "does not exist";
            throw new RanksException(ErrorClass.ARG, option + " '" + file + "': directory '" + parent + "' " + missing
                    + ": expected a file in an existing directory");
        }
        if (Files.isDirectory(file)) {
            throw new RanksException(ErrorClass.ARG, option + " '" + file + "' is a directory: expected a file");
        }
        return parent;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
