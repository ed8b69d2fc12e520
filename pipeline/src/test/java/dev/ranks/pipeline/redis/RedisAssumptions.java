package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips a test, saying why, where the system packages it needs are missing; bin/test installs
 * them (redis-server, python3-celery, python3-redis), so in CI nothing skips.
 */
public final class RedisAssumptions {
    private RedisAssumptions() {
    }

    /** Needs Debian's redis-server. */
    public static void redisServer() {
        String why = RedisServer.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    /** Needs redis-server and a /usr/bin/python3 that imports celery and redis. */
    public static void celery() {
        redisServer();
        String why = CeleryWorker.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
    }
}
