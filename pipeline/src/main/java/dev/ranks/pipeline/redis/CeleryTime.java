package dev.ranks.pipeline.redis;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the timestamps Celery writes: ISO 8601 with an offset, or without one meaning UTC. */
final class CeleryTime {
    private CeleryTime() {
    }

    /**
     * @param text such as {@code 2026-11-22T08:00:10.123456+00:00} or {@code 2026-11-22T08:00:10.123456}
     * @return the instant
     * @throws DateTimeParseException when it is neither form
     */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            // Celery's naive timestamps (datetime.utcnow().isoformat()) are UTC
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
