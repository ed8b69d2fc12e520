package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link RedisWorker} consumes and what it promises; the defaults are Celery's where Celery
 * has one.
 *
 * @param queues the queues consumed, in the order they are served
 * @param concurrency how many tasks run at once
 * @param prefetch how many messages a worker holds (running or waiting) per thread, Celery's
 *     {@code worker_prefetch_multiplier} (4)
 * @param visibilityTimeout how long a message may stay unacknowledged before any worker puts it
 *     back in its queue (kombu's {@code visibility_timeout}, 1 hour)
 * @param maxRetries how many times a failing task is retried before it fails for good (3)
 * @param retryBackoff the first retry's delay; each further retry doubles it, with full jitter
 *     as Celery's {@code retry_backoff} (1 s)
 * @param retryBackoffMax the longest retry delay (10 min, Celery's {@code retry_backoff_max})
 * @param resultExpires how long results are kept (1 day, Celery's {@code result_expires}); zero
 *     keeps them
 * @param shutdownGrace how long a stopping worker lets running tasks finish before handing them
 *     back to the queue (30 s)
 * @param reconnectWindow how long a stopping worker keeps reconnecting to a broker that is down
 *     to hand messages back and store results before it gives up and exits (10 s); a running
 *     worker reconnects as long as it takes
 */
public record WorkerOptions(List<String> queues, int concurrency, int prefetch, Duration visibilityTimeout,
        int maxRetries, Duration retryBackoff, Duration retryBackoffMax, Duration resultExpires,
        Duration shutdownGrace, Duration reconnectWindow) {

    /** How long a stopping worker keeps reconnecting to a broker that is down, unless told otherwise: 10 s. */
    public static final Duration RECONNECT_WINDOW = Duration.ofSeconds(10);

    /**
     * Checks the options.
     *
     * @param queues at least one queue name
     * @param concurrency at least 1
     * @param prefetch at least 1
     * @param visibilityTimeout positive
     * @param maxRetries 0 or more
     * @param retryBackoff 0 or more
     * @param retryBackoffMax 0 or more
     * @param resultExpires 0 or more
     * @param shutdownGrace 0 or more
     * @param reconnectWindow 0 or more
     * @throws RanksException ({@link ErrorClass#ARG}) naming the option and its value
     */
    public WorkerOptions {
        queues = List.copyOf(queues);
        if (queues.isEmpty() || queues.stream().anyMatch(String::isBlank)) {
            throw bad("queues " + queues, "one or more non-empty names");
        }
        if (concurrency < 1) {
            throw bad("concurrency " + concurrency, "at least 1");
        }
        if (prefetch < 1) {
            throw bad("prefetch " + prefetch, "at least 1");
        }
        if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
            throw bad("visibility timeout " + visibilityTimeout, "a positive duration");
        }
        if (maxRetries < 0) {
            throw bad("max retries " + maxRetries, "0 or more");
        }
        if (retryBackoff.isNegative() || retryBackoffMax.isNegative() || resultExpires.isNegative()
                || shutdownGrace.isNegative() || reconnectWindow.isNegative()) {
            throw bad("a negative duration", "0 or more");
        }
    }

    /**
     * Celery's defaults for the given queues.
     *
     * @param queues the queues
     * @param concurrency the worker threads
     * @return the options
     */
    public static WorkerOptions defaults(List<String> queues, int concurrency) {
        return new WorkerOptions(queues, concurrency, 4, Duration.ofHours(1), 3, Duration.ofSeconds(1),
                Duration.ofMinutes(10), Duration.ofDays(1), Duration.ofSeconds(30), RECONNECT_WINDOW);
    }

    /**
     * @param timeout the visibility timeout
     * @return these options with it
     */
    public WorkerOptions withVisibilityTimeout(Duration timeout) {
        return new WorkerOptions(queues, concurrency, prefetch, timeout, maxRetries, retryBackoff, retryBackoffMax,
                resultExpires, shutdownGrace, reconnectWindow);
    }

    /**
     * @param retries the most retries
     * @param backoff the first retry's delay
     * @return these options with them
     */
    public WorkerOptions withRetries(int retries, Duration backoff) {
        return new WorkerOptions(queues, concurrency, prefetch, visibilityTimeout, retries, backoff, retryBackoffMax,
                resultExpires, shutdownGrace, reconnectWindow);
    }

    /**
     * @param expires how long results are kept; zero keeps them
     * @return these options with it
     */
    public WorkerOptions withResultExpires(Duration expires) {
        return new WorkerOptions(queues, concurrency, prefetch, visibilityTimeout, maxRetries, retryBackoff,
                retryBackoffMax, expires, shutdownGrace, reconnectWindow);
    }

    /**
     * @param grace how long running tasks may finish when the worker stops
     * @return these options with it
     */
    public WorkerOptions withShutdownGrace(Duration grace) {
        return new WorkerOptions(queues, concurrency, prefetch, visibilityTimeout, maxRetries, retryBackoff,
                retryBackoffMax, resultExpires, grace, reconnectWindow);
    }

    /**
     * @param window how long a stopping worker keeps reconnecting to a broker that is down
     * @return these options with it
     */
    public WorkerOptions withReconnectWindow(Duration window) {
        return new WorkerOptions(queues, concurrency, prefetch, visibilityTimeout, maxRetries, retryBackoff,
                retryBackoffMax, resultExpires, shutdownGrace, window);
    }

    /**
     * @param perThread messages held per worker thread
     * @return these options with it
     */
    public WorkerOptions withPrefetch(int perThread) {
        return new WorkerOptions(queues, concurrency, perThread, visibilityTimeout, maxRetries, retryBackoff,
                retryBackoffMax, resultExpires, shutdownGrace, reconnectWindow);
    }

    private static RanksException bad(String what, String expected) {
        return new RanksException(ErrorClass.ARG, "worker " + what + " is invalid: expected " + expected);
    }
}
