package dev.ranks.examples.books;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Python logging's {@code %(asctime)s}, as the books' log lines start: {@code 2026-12-07 16:09:30,123}. */
final class Asctime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private Asctime() {
    }

    /** @return the time now, as {@code %(asctime)s} prints it */
    static String now() {
        return FORMAT.format(LocalDateTime.now());
    }
}
