package dev.ranks.launcher;

import dev.ranks.pipeline.redis.QueueReport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's throughput over time: a ring of samples taken from the queue report, each with
 * the tasks finished since the one before and the queues' totals then. Finished tasks are counted
 * from the Ranks workers' heartbeats (their {@code succeeded} and {@code failed} counters), per
 * worker, so a worker that stops or starts between samples does not make a jump; Celery workers
 * keep no heartbeat in Redis and are not counted. The broker keeps no history, so the ring starts
 * empty when the dashboard starts.
 */
final class Throughput {
    private final int capacity;
    private final ArrayDeque<Map<String, Object>> samples = new ArrayDeque<>();
    private Map<String, long[]> lastCounts = new HashMap<>();
    private Instant lastTime;

    /** @param capacity how many samples the ring keeps; older ones drop out */
    Throughput(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds a sample.
     *
     * @param report the queues and workers now
     * @param now when the report was read
     */
    synchronized void sample(QueueReport report, Instant now) {
        long succeeded = 0;
        long failed = 0;
        Map<String, long[]> counts = new HashMap<>();
        for (Map<String, Object> worker : report.workers()) {
            long[] current = {number(worker.get("succeeded")), number(worker.get("failed"))};
            String id = String.valueOf(worker.get("id"));
            counts.put(id, current);
            long[] before = lastCounts.get(id);
            if (before == null && lastTime != null && startedAfter(worker, lastTime)) {
                before = new long[2];
            }
            if (before != null) {
                succeeded += Math.max(0, current[0] - before[0]);
                failed += Math.max(0, current[1] - before[1]);
            }
        }
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("time", now.toString());
        sample.put("seconds", lastTime == null ? 0.0 : (now.toEpochMilli() - lastTime.toEpochMilli()) / 1000.0);
        sample.put("succeeded", succeeded);
        sample.put("failed", failed);
        sample.put("waiting", report.queues().stream().mapToLong(QueueReport.Row::depth).sum());
        sample.put("in_flight", report.queues().stream().mapToLong(QueueReport.Row::inFlight).sum());
        sample.put("dead", report.queues().stream().mapToLong(QueueReport.Row::dead).sum());
        sample.put("workers", report.workers().size());
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
        lastCounts = counts;
        lastTime = now;
    }

    /** @return the samples, oldest first */
    synchronized List<Map<String, Object>> samples() {
        return new ArrayList<>(samples);
    }

    private static boolean startedAfter(Map<String, Object> worker, Instant when) {
        try {
            return Instant.parse(String.valueOf(worker.get("started"))).isAfter(when);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
