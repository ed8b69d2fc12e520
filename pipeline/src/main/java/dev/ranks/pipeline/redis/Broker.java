package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Connections to one Redis broker, and the reconnect policy: an operation that loses its
 * connection, or finds the server still loading its data after a restart, is retried with
 * exponential backoff (0.1 s doubling to 5 s) until it succeeds, the broker is closed, or the
 * reconnect window has passed: once the broker has been unreachable that long (counted from the
 * outage's first failure, or from {@link #bound} when that came later), every operation gives
 * up. Without a window (a running worker) operations retry as long as it takes. Each operation
 * must be safe to repeat (the scripts are written so). Refused credentials are not retried: they
 * will not get better.
 */
final class Broker implements AutoCloseable {
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final BrokerUrl url;
    private final JedisPool pool;
    private final JedisClientConfig clientConfig;
    private final PrintStream diagnostics;
    private volatile boolean closed;
    private boolean down;
    /** When the current outage began (System.nanoTime); meaningful while {@link #down}. */
    private long downSince;
    /** The reconnect window in nanoseconds, or -1 while operations retry as long as it takes. */
    private volatile long windowNanos = -1;
    /** When the window was set: an outage older than that is counted from then. */
    private volatile long boundSince;

    /**
     * @param url the broker
     * @param connections the pool's size: one per thread that talks to Redis at once
     * @param clientName the name {@code CLIENT LIST} shows
     * @param diagnostics where outages and recoveries are reported
     * @param reconnectWindow how long an outage may last before operations give up; null retries
     *     as long as it takes
     */
    Broker(BrokerUrl url, int connections, String clientName, PrintStream diagnostics, Duration reconnectWindow) {
        this.url = url;
        this.diagnostics = diagnostics;
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(connections);
        config.setMaxIdle(connections);
        config.setMinIdle(0);
        config.setJmxEnabled(false);
        config.setTestOnBorrow(false);
        config.setBlockWhenExhausted(true);
        this.clientConfig = url.clientConfig(10_000, clientName);
        this.pool = new JedisPool(config, url.address(), clientConfig);
        if (reconnectWindow != null) {
            bound(reconnectWindow);
        }
    }

    /**
     * From now on, operations give up once the broker has been unreachable for the window,
     * counting an outage already under way from now: what a stopping worker does, so that SIGTERM
     * is honoured whatever the broker's state.
     *
     * @param window how long an outage may last, 0 or more
     */
    void bound(Duration window) {
        boundSince = System.nanoTime();
        windowNanos = window.toNanos();
    }

    /** @return the broker's URL */
    BrokerUrl url() {
        return url;
    }

    /**
     * Checks at once that the broker answers and accepts the credentials.
     *
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) naming the broker and the reason
     */
    void ping() {
        try (Jedis redis = pool.getResource()) {
            redis.ping();
        } catch (JedisException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "broker " + url + " cannot be used: " + reason(e)
                    + (e instanceof JedisConnectionException ? " (is redis-server running? 'launcher redis-up' starts"
                    + " one)" : ""), e);
        }
    }

    /**
     * Runs an operation, reconnecting as often as it takes.
     *
     * @param operation what to do with a connection; it may run more than once
     * @param <T> its result type
     * @return its result
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when the broker is closed meanwhile,
     *     refuses the credentials, or has been unreachable for longer than the reconnect window
     */
    <T> T call(Function<Jedis, T> operation) {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try (Jedis redis = pool.getResource()) {
                T result = operation.apply(redis);
                recovered();
                return result;
            } catch (JedisException | IllegalStateException e) {
                if (closed) {
                    throw new RanksException(ErrorClass.UNAVAILABLE, -1, "broker " + url + " is closed", e);
                }
                if (!(e instanceof JedisConnectionException) && !transientError(e)) {
                    throw new RanksException(ErrorClass.UNAVAILABLE, -1, "broker " + url + " refused: " + reason(e), e);
                }
                long left = lost(e);
                if (left <= 0) {
                    throw new RanksException(ErrorClass.UNAVAILABLE, -1, "broker " + url + " has been unreachable for "
                            + seconds(windowNanos) + " (the reconnect window): " + reason(e) + "; giving up", e);
                }
                sleep(Math.min(backoff, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** @return a connection of its own for blocking commands; close it to give it back */
    Jedis connection() {
        return pool.getResource();
    }

    /**
     * A connection outside the pool, for a subscription. Unsubscribing from another thread races
     * with the replies still on their way (an UNSUBSCRIBE count, a late message), and a pooled
     * connection would hand them to the next command that borrows it (an MGET then reads a Long);
     * this one is closed, and its unread replies die with it.
     *
     * @return a new connection; close it when the subscription ends
     */
    Jedis subscriber() {
        return new Jedis(url.address(), clientConfig);
    }

    private static boolean transientError(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("LOADING") || message.startsWith("BUSY") || message.startsWith("TRYAGAIN")
                || message.startsWith("MASTERDOWN");
    }

    /**
     * Records a failure, reporting the outage when it is the first.
     *
     * @return nanoseconds left before operations give up; Long.MAX_VALUE without a window
     */
    private synchronized long lost(Exception e) {
        long now = System.nanoTime();
        if (!down) {
            down = true;
            downSince = now;
            diagnostics.println("broker " + url + " unreachable: " + reason(e) + "; reconnecting (backoff up to "
                    + Duration.ofMillis(MAX_BACKOFF_MS).toSeconds() + " s" + (windowNanos < 0 ? ""
                    : ", for " + seconds(windowNanos) + " at most") + "); nothing is lost meanwhile");
            diagnostics.flush();
        }
        long window = windowNanos;
        if (window < 0) {
            return Long.MAX_VALUE;
        }
        long since = downSince - boundSince > 0 ? downSince : boundSince;
        return since + window - now;
    }

    private static String seconds(long nanos) {
        long millis = Duration.ofNanos(nanos).toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }

    private void recovered() {
        if (down) {
            synchronized (this) {
                if (down) {
                    down = false;
                    diagnostics.println("broker " + url + " reachable again");
                    diagnostics.flush();
                }
            }
        }
    }

    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String first = String.valueOf(e.getMessage());
        return cause == e ? first : first + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while waiting for the broker", e);
        }
    }

    /** @return whether {@link #close()} was called */
    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
