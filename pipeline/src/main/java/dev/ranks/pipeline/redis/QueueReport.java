package dev.ranks.pipeline.redis;

import dev.ranks.pipeline.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What {@code launcher queues} shows: each queue's depth, the messages delivered but not yet
 * acknowledged, its dead letters and the Ranks workers consuming it, and the live workers.
 * Celery workers keep no record in Redis, so they are not listed; their in-flight messages are
 * counted.
 *
 * @param queues one row per queue, by name
 * @param workers each live Ranks worker's heartbeat, as JSON objects, with {@code heartbeat_age_s}:
 *     seconds since it was last refreshed
 */
public record QueueReport(List<Row> queues, List<Map<String, Object>> workers) {

    /**
     * One queue.
     *
     * @param name the queue
     * @param depth messages waiting, over all its priority lists
     * @param inFlight messages delivered to a worker and not yet acknowledged
     * @param dead messages in its dead-letter list
     * @param workers live Ranks workers consuming it
     */
    public record Row(String name, long depth, long inFlight, long dead, int workers) {
    }

    static QueueReport read(Jedis redis, Collection<String> wanted) {
        List<Map<String, Object>> workers = new ArrayList<>();
        for (String key : scan(redis, Keys.WORKER_PREFIX + "*", null)) {
            String beat = redis.get(key);
            if (beat != null) {
                long ttl = redis.pttl(key);
                Map<String, Object> worker = Json.readObject(beat);
                if (ttl >= 0) {
                    worker.put("heartbeat_age_s", (Keys.WORKER_TTL_SECONDS * 1000 - ttl) / 1000.0);
                }
                workers.add(worker);
            }
        }
        Map<String, Long> inFlight = new TreeMap<>();
        for (Map.Entry<String, String> entry : redis.hgetAll(Keys.UNACKED).entrySet()) {
            Object decoded = Json.read(entry.getValue());
            if (decoded instanceof List<?> parts && parts.size() == 3) {
                inFlight.merge(String.valueOf(parts.get(2)), 1L, Long::sum);
            }
        }
        TreeSet<String> names = new TreeSet<>(wanted);
        if (names.isEmpty()) {
            for (String key : scan(redis, "*", "list")) {
                if (key.startsWith(Keys.DEAD_PREFIX)) {
                    names.add(key.substring(Keys.DEAD_PREFIX.length()));
                } else {
                    int separator = key.indexOf('\u0006');
                    names.add(separator < 0 ? key : key.substring(0, separator));
                }
            }
            names.addAll(inFlight.keySet());
            for (Map<String, Object> worker : workers) {
                if (worker.get("queues") instanceof List<?> queues) {
                    queues.forEach(q -> names.add(String.valueOf(q)));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            long depth = 0;
            for (String list : Keys.lists(name)) {
                depth += redis.llen(list);
            }
            int consumers = 0;
            for (Map<String, Object> worker : workers) {
                if (worker.get("queues") instanceof List<?> queues && queues.contains(name)) {
                    consumers++;
                }
            }
            rows.add(new Row(name, depth, inFlight.getOrDefault(name, 0L), redis.llen(Keys.dead(name)), consumers));
        }
        return new QueueReport(rows, workers);
    }

    static List<String> scan(Jedis redis, String pattern, String type) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(pattern).count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = type == null ? redis.scan(cursor, params) : redis.scan(cursor, params, type);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    /** @return the report as aligned text lines: the queues, then the workers */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-24s %10s %10s %8s %8s", "queue", "waiting", "in-flight", "dead", "workers"));
        for (Row row : queues) {
            out.add(String.format(Locale.ROOT, "%-24s %10d %10d %8d %8d", row.name(), row.depth(), row.inFlight(),
                    row.dead(), row.workers()));
        }
        if (queues.isEmpty()) {
            out.add("(no queues)");
        }
        out.add("");
        out.add(workers.size() + " Ranks worker(s) alive" + (workers.isEmpty() ? "" : ":"));
        for (Map<String, Object> worker : workers) {
            out.add("  " + worker.get("id") + " queues=" + worker.get("queues") + " concurrency="
                    + worker.get("concurrency") + " active=" + worker.get("active") + " succeeded="
                    + worker.get("succeeded") + " failed=" + worker.get("failed"));
        }
        return out;
    }
}
