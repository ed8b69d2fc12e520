package dev.ranks.pipeline.redis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The Redis keys of the queue: kombu's for what Celery shares, {@code ranks.*} for what only
 * Ranks keeps (dead letters, revoked ids, worker heartbeats).
 */
final class Keys {
    /** kombu's hash of unacknowledged messages: delivery tag to {@code [message, exchange, routing_key]}. */
    static final String UNACKED = "unacked";
    /** kombu's sorted set of unacknowledged delivery tags, scored by delivery time in seconds. */
    static final String UNACKED_INDEX = "unacked_index";
    /** Sorted set of revoked task ids, scored by revoke time in seconds. */
    static final String REVOKED = "ranks.revoked";
    /** Prefix of the keys live workers refresh: {@code ranks.worker.<id>}. */
    static final String WORKER_PREFIX = "ranks.worker.";
    /** How long a worker's heartbeat key lives: it is refreshed every 2 s, so a worker silent this long is gone. */
    static final int WORKER_TTL_SECONDS = 10;
    /** Prefix of the key where a worker's last fetch is kept until its next: {@code ranks.fetch.<id>}. */
    static final String FETCH_PREFIX = "ranks.fetch.";
    /** Prefix of the dead-letter lists: {@code ranks.dead.<queue>}. */
    static final String DEAD_PREFIX = "ranks.dead.";

    /** kombu's separator between a queue's name and its priority. */
    private static final String PRIORITY_SEPARATOR = "\u0006\u0016";

    private Keys() {
    }

    /**
     * The lists of a queue in the order kombu's Redis transport serves them: the queue itself
     * (priority 0, the highest in kombu's Redis transport), then priorities 3, 6 and 9.
     */
    static List<String> lists(String queue) {
        return List.of(queue, queue + PRIORITY_SEPARATOR + "3", queue + PRIORITY_SEPARATOR + "6",
                queue + PRIORITY_SEPARATOR + "9");
    }

    static String dead(String queue) {
        return DEAD_PREFIX + queue;
    }

    /** The score of the sorted sets: seconds since the epoch, as kombu's {@code time()}. */
    static double score(Instant when) {
        return when.getEpochSecond() + when.getNano() / 1e9;
    }

    /** {@link #score} as a script argument, to the microsecond. */
    static String scoreArgument(Instant when) {
        return String.format(Locale.ROOT, "%.6f", score(when));
    }
}
