package dev.ranks.pipeline.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the private directories the harnesses make: a redis-server's data, a Celery worker's scripts. */
final class Trees {
    private Trees() {
    }

    /**
     * Deletes a directory and everything in it; a missing one is fine.
     *
     * @param root the directory
     * @throws UncheckedIOException naming the directory when a file cannot be deleted
     */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
