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

/** Opens the file an output option names, before any rank starts, so that a bad path is a usage error naming it. */
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
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            String missing = Files.exists(parent) ? "is not a directory" : "does not exist";
            throw new RanksException(ErrorClass.ARG, option + " '" + file + "': directory '" + parent + "' " + missing
                    + ": expected a file in an existing directory");
        }
        if (Files.isDirectory(file)) {
            throw new RanksException(ErrorClass.ARG, option + " '" + file + "' is a directory: expected a file");
        }
        try {
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, option + " '" + file + "' cannot be written (" + reason(e)
                    + "): expected a file this user may write", e);
        }
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
