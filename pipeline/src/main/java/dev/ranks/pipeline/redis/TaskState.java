package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's state in Celery's Redis result backend: the JSON stored under
 * {@code celery-task-meta-<id>} and published on the channel of the same name. A Celery client's
 * {@code AsyncResult.get()} reads it, and Ranks reads what Celery workers store.
 *
 * @param id the task id
 * @param status {@code SUCCESS}, {@code FAILURE}, {@code RETRY}, {@code REVOKED} or {@code STARTED}
 * @param result the result when it succeeded; for the other states, Celery's exception object
 *     {@code {"exc_type", "exc_message", "exc_module"}}
 * @param traceback the failure's stack trace, or null
 * @param dateDone when a final state was reached, or null
 * @param worker the worker that stored the state, or null (Celery stores it only with
 *     {@code result_extended}; Ranks workers always do)
 * @param runtimeMillis how long the task ran, or -1 when unknown (a Ranks extension,
 *     {@code runtime_ms}, which Celery's clients ignore)
 * @param call the task's name and arguments, or null when not stored (Celery stores them as
 *     {@code name}, {@code args}, {@code kwargs} only with {@code result_extended}; Ranks workers
 *     always do, so that {@code launcher dashboard} can show what a finished task was asked)
 * @param queue the queue the task came from, or null when not stored (as {@code call})
 */
public record TaskState(String id, String status, Object result, String traceback, Instant dateDone, String worker,
        double runtimeMillis, Call call, String queue) {

    /** The key prefix of Celery's Redis result backend. */
    public static final String KEY_PREFIX = "celery-task-meta-";

    /** The state of a task that succeeded. */
    public static final String SUCCESS = "SUCCESS";
    /** The state of a task that failed for good. */
    public static final String FAILURE = "FAILURE";
    /** The state of a task that failed and will run again. */
    public static final String RETRY = "RETRY";
    /** The state of a task that was revoked or expired before it ran. */
    public static final String REVOKED = "REVOKED";

    /**
     * @param id the task id
     * @return the key its state is stored under
     */
    public static String key(String id) {
        return KEY_PREFIX + id;
    }

    /**
     * A success.
     *
     * @param id the task id
     * @param result the result
     * @return the state
     */
    public static TaskState success(String id, Object result) {
        return new TaskState(id, SUCCESS, result, null, Instant.now(), null, -1, null, null);
    }

    /**
     * A failure or retry, with the exception the way Celery's JSON serializer stores one: the Java
     * class's package as {@code exc_module} and its simple name as {@code exc_type}, so a Python
     * client raises an exception of that name.
     *
     * @param id the task id
     * @param status {@link #FAILURE}, {@link #RETRY} or {@link #REVOKED}
     * @param exceptionClass the exception's Java class name, such as {@code java.lang.ArithmeticException}
     * @param message the exception's message
     * @param traceback the stack trace
     * @return the state
     */
    public static TaskState failure(String id, String status, String exceptionClass, String message, String traceback) {
        int dot = exceptionClass.lastIndexOf('.');
        Map<String, Object> exc = new LinkedHashMap<>();
        exc.put("exc_type", exceptionClass.substring(dot + 1));
        exc.put("exc_message", message == null ? List.of() : List.of(message));
        exc.put("exc_module", dot < 0 ? "builtins" : exceptionClass.substring(0, dot));
        return new TaskState(id, status, exc, traceback, RETRY.equals(status) ? null : Instant.now(), null, -1, null,
                null);
    }

    /**
     * @param by the worker's id
     * @param millis how long the task ran
     * @return this state, saying who ran it for how long
     */
    public TaskState ranBy(String by, double millis) {
        return new TaskState(id, status, result, traceback, dateDone, by, millis, call, queue);
    }

    /**
     * @param what the task's name and arguments
     * @param from the queue it came from
     * @return this state, saying what the task was asked and where from (Celery's
     *     {@code result_extended} fields)
     */
    public TaskState asked(Call what, String from) {
        return new TaskState(id, status, result, traceback, dateDone, worker, runtimeMillis, what, from);
    }

    /** @return whether the task will not change state again: success, failure or revoked */
    public boolean ready() {
        return SUCCESS.equals(status) || FAILURE.equals(status) || REVOKED.equals(status);
    }

    /** @return the JSON stored in the backend */
    public String encode() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("status", status);
        meta.put("result", result);
        meta.put("traceback", traceback);
        meta.put("children", new ArrayList<>());
        // Celery writes naive UTC times: datetime.utcnow().isoformat()
        meta.put("date_done", dateDone == null ? null : LocalDateTime.ofInstant(dateDone, ZoneOffset.UTC).toString());
        meta.put("task_id", id);
        if (worker != null) {
            meta.put("worker", worker);
        }
        if (runtimeMillis >= 0) {
            meta.put("runtime_ms", runtimeMillis);
        }
        if (call != null) {
            meta.put("name", call.task());
            meta.put("args", call.args());
            meta.put("kwargs", call.kwargs());
        }
        if (queue != null) {
            meta.put("queue", queue);
        }
        return Json.write(meta);
    }

    /**
     * Reads a stored state.
     *
     * @param json the stored JSON
     * @return the state
     * @throws RanksException ({@link ErrorClass#CODEC}) when it is not a task state
     */
    @SuppressWarnings("unchecked")
    public static TaskState decode(String json) {
        Map<String, Object> meta = Json.readObject(json);
        Object status = meta.get("status");
        Object id = meta.get("task_id");
        if (!(status instanceof String) || id == null) {
            throw new RanksException(ErrorClass.CODEC, "task state '" + json + "' is invalid: expected status and task_id");
        }
        Object done = meta.get("date_done");
        Instant when;
        try {
            when = done == null ? null : CeleryTime.parse(done.toString());
        } catch (DateTimeParseException e) {
            throw new RanksException(ErrorClass.CODEC, "task state '" + json + "' is invalid: date_done " + done
                    + " is not an ISO 8601 time");
        }
        Object trace = meta.get("traceback");
        Object worker = meta.get("worker");
        double millis = meta.get("runtime_ms") instanceof Number n ? n.doubleValue() : -1;
        Call call = meta.get("name") instanceof String name && !name.isEmpty() && meta.get("args") instanceof List<?> args
                ? new Call(name, (List<Object>) args, meta.get("kwargs") instanceof Map<?, ?> kwargs
                        ? (Map<String, Object>) kwargs : Map.of()) : null;
        Object queue = meta.get("queue");
        return new TaskState(id.toString(), (String) status, meta.get("result"), trace == null ? null : trace.toString(), when,
                worker == null ? null : worker.toString(), millis, call, queue instanceof String q ? q : null);
    }

    /**
     * Describes a failure for people: the exception's type and message, then the traceback.
     *
     * @return the description, or null when the state is a success
     */
    public String error() {
        if (SUCCESS.equals(status)) {
            return null;
        }
        StringBuilder text = new StringBuilder(status);
        if (result instanceof Map<?, ?> exc) {
            text.append(": ").append(exc.get("exc_module") == null ? "" : exc.get("exc_module") + ".")
                    .append(exc.get("exc_type"));
            if (exc.get("exc_message") instanceof List<?> args && !args.isEmpty()) {
                text.append(": ").append(args.size() == 1 ? args.get(0) : args);
            } else if (exc.get("exc_message") != null && !(exc.get("exc_message") instanceof List)) {
                text.append(": ").append(exc.get("exc_message"));
            }
        }
        if (traceback != null) {
            text.append('\n').append(traceback);
        }
        return text.toString();
    }
}
