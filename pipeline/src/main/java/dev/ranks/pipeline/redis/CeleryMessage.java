package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One task message in Celery's message protocol version 2, inside the JSON envelope of kombu's
 * Redis transport: what {@code fibo_task.delay(30)} pushes onto a Redis list and what a Celery
 * worker pops. The envelope is {@code {"body", "content-encoding", "content-type", "headers",
 * "properties"}}; the body is base64 of the JSON {@code [args, kwargs, embed]}; the headers carry
 * {@code task}, {@code id}, {@code retries}, {@code eta}, {@code expires} and the rest; the
 * properties carry {@code delivery_tag} and {@code delivery_info} ({@code exchange},
 * {@code routing_key}). Version 1 messages (the task fields in the body) are read too.
 *
 * @param id the task id, a UUID in Celery
 * @param call the task name with its arguments
 * @param retries how many times the task was retried before this message
 * @param eta when the task may run, or null for now
 * @param expires when the task is no longer wanted, or null for never
 * @param rootId the id of the first task of the workflow, usually the id itself
 * @param parentId the id of the task that sent this one, or null
 * @param queue the routing key: with the default exchange, the queue's name
 * @param deliveryTag kombu's delivery tag, the key of the message while it is unacknowledged
 * @param redelivered whether kombu or Ranks restored the message after it went unacknowledged
 */
public record CeleryMessage(String id, Call call, int retries, Instant eta, Instant expires, String rootId,
        String parentId, String queue, String deliveryTag, boolean redelivered) {

    private static final String ORIGIN = origin();

    /**
     * A new message for a call: a fresh id and delivery tag, no ETA, no expiry.
     *
     * @param call the call
     * @param queue the queue it goes to
     * @return the message
     */
    public static CeleryMessage of(Call call, String queue) {
        String id = UUID.randomUUID().toString();
        return new CeleryMessage(id, call, 0, null, null, id, null, queue, UUID.randomUUID().toString(), false);
    }

    /**
     * The message a retry sends: the same id, one more retry, a new delivery tag.
     *
     * @param when when the retry may run
     * @return the new message
     */
    public CeleryMessage retry(Instant when) {
        return new CeleryMessage(id, call, retries + 1, when, expires, rootId, parentId, queue,
                UUID.randomUUID().toString(), false);
    }

    /**
     * @param when when the task may run, or null for now
     * @return this message with that ETA
     */
    public CeleryMessage withEta(Instant when) {
        return new CeleryMessage(id, call, retries, when, expires, rootId, parentId, queue, deliveryTag, redelivered);
    }

    /**
     * @param when when the task stops being wanted, or null for never
     * @return this message with that expiry
     */
    public CeleryMessage withExpires(Instant when) {
        return new CeleryMessage(id, call, retries, eta, when, rootId, parentId, queue, deliveryTag, redelivered);
    }

    /** @return the envelope as kombu's Redis transport pushes it: one JSON object */
    public String encode() {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("callbacks", null);
        embed.put("errbacks", null);
        embed.put("chain", null);
        embed.put("chord", null);
        String body = Json.write(Arrays.asList(call.args(), call.kwargs(), embed));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("lang", "py");
        headers.put("task", call.task());
        headers.put("id", id);
        headers.put("shadow", null);
        headers.put("eta", iso(eta));
        headers.put("expires", iso(expires));
        headers.put("group", null);
        headers.put("group_index", null);
        headers.put("retries", retries);
        headers.put("timelimit", Arrays.asList(null, null));
        headers.put("root_id", rootId);
        headers.put("parent_id", parentId);
        headers.put("argsrepr", repr(call.args()));
        headers.put("kwargsrepr", repr(call.kwargs()));
        headers.put("origin", ORIGIN);
        headers.put("ignore_result", false);
        Map<String, Object> deliveryInfo = new LinkedHashMap<>();
        deliveryInfo.put("exchange", "");
        deliveryInfo.put("routing_key", queue);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("correlation_id", id);
        properties.put("reply_to", "");
        properties.put("delivery_mode", 2);
        properties.put("delivery_info", deliveryInfo);
        properties.put("priority", 0);
        properties.put("body_encoding", "base64");
        properties.put("delivery_tag", deliveryTag);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        envelope.put("content-encoding", "utf-8");
        envelope.put("content-type", "application/json");
        envelope.put("headers", headers);
        envelope.put("properties", properties);
        return Json.write(envelope);
    }

    /**
     * Reads a message as popped from a queue.
     *
     * @param raw the envelope
     * @return the message
     * @throws RanksException ({@link ErrorClass#CODEC}) saying what is missing or malformed: the
     *     reason a dead letter records
     */
    @SuppressWarnings("unchecked")
    public static CeleryMessage decode(String raw) {
        Map<String, Object> envelope = Json.readObject(raw);
        String type = text(envelope, "content-type");
        if (type != null && !"application/json".equals(type)) {
            throw codec("content type '" + type + "' is unsupported: expected application/json (set "
                    + "task_serializer='json' in Celery)");
        }
        Map<String, Object> properties = object(envelope, "properties");
        Map<String, Object> headers = envelope.get("headers") == null ? Map.of() : object(envelope, "headers");
        Object encoded = envelope.get("body");
        if (!(encoded instanceof String)) {
            throw codec("the body is missing or not a string");
        }
        String encoding = text(properties, "body_encoding");
        String bodyText;
        if ("base64".equals(encoding)) {
            try {
                bodyText = new String(Base64.getMimeDecoder().decode((String) encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw codec("the body is not valid base64: " + e.getMessage());
            }
        } else if (encoding == null || encoding.isEmpty()) {
            bodyText = (String) encoded;
        } else {
            throw codec("body encoding '" + encoding + "' is unsupported: expected base64");
        }
        Object body = Json.read(bodyText);
        Map<String, Object> info = properties.get("delivery_info") instanceof Map
                ? (Map<String, Object>) properties.get("delivery_info") : Map.of();
        String queue = text(info, "routing_key");
        String tag = text(properties, "delivery_tag");
        boolean redelivered = Boolean.TRUE.equals(info.get("redelivered"))
                || Boolean.TRUE.equals(headers.get("redelivered"));
        if (headers.containsKey("task")) {
            if (!(body instanceof List<?> parts) || parts.size() < 2 || !(parts.get(0) instanceof List)
                    || !(parts.get(1) instanceof Map)) {
                throw codec("the body is not [args, kwargs, embed] as protocol 2 has it");
            }
            return new CeleryMessage(required(headers, "id"), call(required(headers, "task"),
                    (List<Object>) parts.get(0), (Map<String, Object>) parts.get(1)), count(headers.get("retries")),
                    instant(headers.get("eta"), "eta"), instant(headers.get("expires"), "expires"),
                    text(headers, "root_id"), text(headers, "parent_id"), queue, tag, redelivered);
        }
        if (body instanceof Map<?, ?> v1 && v1.containsKey("task")) {
            Map<String, Object> fields = (Map<String, Object>) v1;
            List<Object> args = fields.get("args") instanceof List ? (List<Object>) fields.get("args") : List.of();
            Map<String, Object> kwargs = fields.get("kwargs") instanceof Map
                    ? (Map<String, Object>) fields.get("kwargs") : Map.of();
            String id = required(fields, "id");
            return new CeleryMessage(id, call(required(fields, "task"), args, kwargs), count(fields.get("retries")),
                    instant(fields.get("eta"), "eta"), instant(fields.get("expires"), "expires"), id, null, queue, tag,
                    redelivered);
        }
        throw codec("neither a 'task' header (protocol 2) nor a task in the body (protocol 1)");
    }

    private static Call call(String task, List<Object> args, Map<String, Object> kwargs) {
        try {
            return new Call(task, new ArrayList<>(args), kwargs);
        } catch (RanksException e) {
            throw codec(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Map)) {
            throw codec("'" + key + "' is missing or not an object");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static String required(Map<String, Object> map, String key) {
        String value = text(map, key);
        if (value == null || value.isEmpty()) {
            throw codec("'" + key + "' is missing");
        }
        return value;
    }

    private static int count(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Instant instant(Object value, String what) {
        if (value == null) {
            return null;
        }
        try {
            return CeleryTime.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw codec("'" + what + "' " + value + " is not an ISO 8601 time");
        }
    }

    private static String iso(Instant when) {
        return when == null ? null : OffsetDateTime.ofInstant(when, ZoneOffset.UTC).toString();
    }

    /** Celery's argsrepr is Python's repr; JSON is close enough for its log lines and inspect. */
    private static String repr(Object value) {
        String text = Json.write(value);
        return text.length() > 1024 ? text.substring(0, 1021) + "..." : text;
    }

    private static RanksException codec(String why) {
        return new RanksException(ErrorClass.CODEC, "task message is invalid: " + why);
    }

    private static String origin() {
        String pid = String.valueOf(ProcessHandle.current().pid());
        try {
            return "gen" + pid + "@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gen" + pid + "@" + ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
