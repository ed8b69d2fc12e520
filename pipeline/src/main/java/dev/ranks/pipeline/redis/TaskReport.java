package dev.ranks.pipeline.redis;

import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;

/**
 * One task as {@code launcher dashboard} shows it: what the broker holds of it, pieced together
 * from its message (waiting in a queue, delivered and not yet acknowledged, or a dead letter), its
 * state in the result backend, and the revoked ids. The broker keeps no list of tasks, so the
 * recent ones are those whose message or stored state is there now: states expire with the
 * workers' {@code --result-expires}.
 *
 * @param id the task id
 * @param status Celery's name for where it stands: {@code PENDING} (waiting in a queue),
 *     {@code RECEIVED} (delivered to a worker, running or waiting for its ETA), {@code RETRY},
 *     {@code SUCCESS}, {@code FAILURE}, or {@code REVOKED} (including a revoked task whose
 *     message a worker has not reached yet: it will be skipped)
 * @param where where its message is: a queue's name (or one of its priority lists),
 *     {@code unacked}, a dead-letter list {@code ranks.dead.<queue>}; null when no message holds
 *     it (it has finished)
 * @param queue the queue it was sent to, or null when neither its message nor its state says
 * @param call its name and arguments, or null when neither its message nor its state says
 *     (a Celery worker's result without {@code result_extended})
 * @param eta when it may run, or null for now
 * @param state its state in the result backend (result or traceback, worker, run time), or null
 *     while none is stored
 */
public record TaskReport(String id, String status, String where, String queue, Call call, Instant eta,
        TaskState state) {
    /** The state of a task waiting in a queue: Celery's name for a task it knows nothing of. */
    public static final String PENDING = "PENDING";
    /** The state of a task delivered to a worker and not yet acknowledged: Celery's event name. */
    public static final String RECEIVED = "RECEIVED";

    private static final int CHUNK = 1000;

    /**
     * The most recent tasks: first those delivered to workers, then those waiting (each queue's
     * newest first), then the finished ones by the time they finished, newest first.
     */
    static List<TaskReport> recent(Jedis redis, int max) {
        Set<String> revoked = new HashSet<>(redis.zrange(Keys.REVOKED, 0, -1));
        Map<String, TaskReport> tasks = new LinkedHashMap<>();
        for (String entry : redis.hvals(Keys.UNACKED)) {
            add(tasks, fromStored(Keys.UNACKED, entry, null, revoked));
        }
        for (String list : QueueReport.scan(redis, "*", "list")) {
            for (String raw : redis.lrange(list, 0, max - 1L)) {
                add(tasks, fromStored(list, raw, null, revoked));
            }
        }
        List<String> keys = QueueReport.scan(redis, TaskState.KEY_PREFIX + "*", "string");
        List<TaskState> states = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            for (String json : redis.mget(keys.subList(from, Math.min(keys.size(), from + CHUNK)).toArray(String[]::new))) {
                if (json != null) {
                    states.add(TaskState.decode(json));
                }
            }
        }
        for (TaskState state : states) {
            TaskReport known = tasks.get(state.id());
            tasks.put(state.id(), known == null ? fromState(state, revoked) : known.with(state, revoked));
        }
        // live messages first in the order found, then finished tasks and dead letters newest first
        Comparator<TaskReport> order = Comparator.comparing(TaskReport::finished)
                .thenComparing(t -> t.finished() ? doneAt(t) : Instant.MAX, Comparator.reverseOrder());
        return tasks.values().stream().sorted(order).limit(max).toList();
    }

    /** One task by id, or null when the broker knows nothing of it. */
    static TaskReport find(Jedis redis, String id) {
        List<String> keys = new ArrayList<>(List.of(Keys.UNACKED));
        keys.addAll(QueueReport.scan(redis, "*", "list"));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) Scripts.run(redis, Scripts.LOCATE, keys, List.of(id));
        Set<String> revoked = redis.zscore(Keys.REVOKED, id) == null ? Set.of() : Set.of(id);
        String json = redis.get(TaskState.key(id));
        TaskState state = json == null ? null : TaskState.decode(json);
        TaskReport message = found.get(0).isEmpty() ? null : fromStored(found.get(0), found.get(1), id, revoked);
        if (message != null) {
            return state == null ? message : message.with(state, revoked);
        }
        return state == null ? null : fromState(state, revoked);
    }

    private static void add(Map<String, TaskReport> tasks, TaskReport task) {
        if (task != null) {
            tasks.putIfAbsent(task.id(), task);
        }
    }

    /**
     * Reads a message where the broker keeps it: an {@code unacked} entry
     * {@code [message, exchange, routing_key]}, a dead letter (its {@code message} field), or a
     * queue's raw message. A message that cannot be read (what dead letters are made of) gives the
     * id the dead letter recorded, or null without one.
     */
    private static TaskReport fromStored(String where, String stored, String id, Set<String> revoked) {
        String raw = stored;
        String knownId = id;
        try {
            if (where.equals(Keys.UNACKED)) {
                if (!(Json.read(stored) instanceof List<?> parts) || parts.isEmpty()) {
                    return null;
                }
                raw = Json.write(parts.get(0));
            } else if (where.startsWith(Keys.DEAD_PREFIX)) {
                Map<String, Object> letter = Json.readObject(stored);
                raw = String.valueOf(letter.get("message"));
                knownId = letter.get("id") instanceof String s ? s : id;
            }
            CeleryMessage message = CeleryMessage.decode(raw);
            String status = revoked.contains(message.id()) ? TaskState.REVOKED
                    : where.equals(Keys.UNACKED) ? RECEIVED : PENDING;
            return new TaskReport(message.id(), status, where, message.queue(), message.call(), message.eta(), null);
        } catch (RanksException e) {
            String queue = where.startsWith(Keys.DEAD_PREFIX) ? where.substring(Keys.DEAD_PREFIX.length()) : null;
            return knownId == null ? null : new TaskReport(knownId, TaskState.FAILURE, where, queue, null, null, null);
        }
    }

    private static TaskReport fromState(TaskState state, Set<String> revoked) {
        String status = revoked.contains(state.id()) && !state.ready() ? TaskState.REVOKED : state.status();
        return new TaskReport(state.id(), status, null, state.queue(), state.call(), null, state);
    }

    /** This message's report with its stored state: a final state wins over where the message is. */
    private TaskReport with(TaskState stored, Set<String> revoked) {
        String now = stored.ready() || where.startsWith(Keys.DEAD_PREFIX) ? stored.status()
                : revoked.contains(id) ? TaskState.REVOKED : TaskState.RETRY.equals(stored.status()) ? TaskState.RETRY
                : status;
        return new TaskReport(id, now, where, queue != null ? queue : stored.queue(), call != null ? call : stored.call(), eta,
                stored);
    }

    /** @return whether it will not run again: no message holds it, or only a dead letter */
    public boolean finished() {
        return where == null || where.startsWith(Keys.DEAD_PREFIX);
    }

    private static Instant doneAt(TaskReport task) {
        return task.state() == null || task.state().dateDone() == null ? Instant.EPOCH : task.state().dateDone();
    }
}
