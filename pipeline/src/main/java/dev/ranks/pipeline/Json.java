package dev.ranks.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON codec of task values, calls and outcomes (Jackson underneath).
 *
 * <p>Values are {@code null}, {@link Boolean}, {@link Long}, {@link BigInteger}, {@link Double},
 * {@link String}, {@link List} and {@link Map} with string keys, as in Python's {@code json}: an
 * integer is a {@link Long} when it fits and a {@link BigInteger} otherwise, so F(1000) survives a
 * round trip exactly (Celery's JSON serializer keeps Python's big ints the same way). Other numbers
 * handed in ({@link Integer}, {@link Float}, {@link BigDecimal}...) are normalised to those types.
 *
 * <p>The wire messages of the process, FIFO and rank engines are JSON objects:
 * a request {@code {"id":7,"task":"fib","args":[30],"kwargs":{}}} and a reply
 * {@code {"id":7,"result":832040,"worker":"...","ms":0.05}} or, when the task failed,
 * {@code {"id":7,"error":"java.lang...: ...\n\tat ...","worker":"...","ms":0.05}}.
 */
public final class Json {
    // Jackson caps numbers at 1000 digits by default; F(n) for large n has far more, and frames are
    // bounded anyway (Frames.MAX_FRAME). The fast parser keeps a 200,000-digit integer in milliseconds.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Frames.MAX_FRAME).maxStringLength(Frames.MAX_FRAME).build())
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build())
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * Writes a value as compact JSON.
     *
     * @param value a JSON-compatible value
     * @return its JSON text
     * @throws RanksException ({@link ErrorClass#CODEC}) when the value is not JSON-compatible
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(normalize(value));
        } catch (JsonProcessingException e) {
            throw new RanksException(ErrorClass.CODEC, -1, "cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a JSON text.
     *
     * @param text the JSON text
     * @return the value, normalised (see the class comment)
     * @throws RanksException ({@link ErrorClass#CODEC}) when the text is not JSON
     */
    public static Object read(String text) {
        try {
            return normalize(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new RanksException(ErrorClass.CODEC, -1, "cannot read JSON '" + abbreviate(text) + "': "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a JSON object.
     *
     * @param text the JSON text
     * @return the object's members in document order
     * @throws RanksException ({@link ErrorClass#CODEC}) when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text) {
        Object value = read(text);
        if (!(value instanceof Map)) {
            throw new RanksException(ErrorClass.CODEC, "JSON '" + abbreviate(text) + "' is invalid here: expected an object");
        }
        return (Map<String, Object>) value;
    }

    /**
     * Normalises a value to the types of the class comment.
     *
     * @param value a value built of JSON-compatible Java types
     * @return the normalised value (a new list or map where one is nested)
     * @throws RanksException ({@link ErrorClass#ARG}) when the value holds something JSON cannot carry
     */
    public static Object normalize(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof List<?> list) {
            return normalizeList(list);
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        throw new RanksException(ErrorClass.ARG, "value " + value + " of " + value.getClass().getName()
                + " is not JSON-compatible: expected null, Boolean, a number, String, List or Map");
    }

    /**
     * Normalises every element of a list.
     *
     * @param list the list, or null for none
     * @return a new mutable list
     */
    public static List<Object> normalizeList(List<?> list) {
        List<Object> copy = new ArrayList<>(list == null ? 0 : list.size());
        if (list != null) {
            for (Object element : list) {
                copy.add(normalize(element));
            }
        }
        return copy;
    }

    /**
     * Normalises every value of a map whose keys are strings.
     *
     * @param map the map, or null for none
     * @return a new mutable map in the same iteration order
     * @throws RanksException ({@link ErrorClass#ARG}) when a key is not a string
     */
    public static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (map != null) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new RanksException(ErrorClass.ARG, "map key " + e.getKey() + " is invalid: expected a string");
                }
                copy.put(key, normalize(e.getValue()));
            }
        }
        return copy;
    }

    /**
     * Writes a request of the process, FIFO and rank engines.
     *
     * @param id the request's id, unique among the requests in flight from its sender
     * @param call the call
     * @return the request's JSON text
     */
    public static String writeRequest(long id, Call call) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("task", call.task());
        m.put("args", call.args());
        m.put("kwargs", call.kwargs());
        return write(m);
    }

    /**
     * Reads the call of a request written by {@link #writeRequest}.
     *
     * @param request the request's members, from {@link #readObject}
     * @return the call
     * @throws RanksException ({@link ErrorClass#CODEC}) when a member is missing or of the wrong type
     */
    public static Call readCall(Map<String, Object> request) {
        Object task = request.get("task");
        Object args = request.getOrDefault("args", List.of());
        Object kwargs = request.getOrDefault("kwargs", Map.of());
        if (!(task instanceof String name) || !(args instanceof List<?> list) || !(kwargs instanceof Map<?, ?> map)) {
            throw new RanksException(ErrorClass.CODEC, "request " + abbreviate(write(request))
                    + " is invalid: expected a string task, a list args and an object kwargs");
        }
        return new Call(name, normalizeList(list), normalizeMap(map));
    }

    /**
     * Reads a long member such as a request's {@code id}.
     *
     * @param message the message's members
     * @param key the member's name
     * @return its value
     * @throws RanksException ({@link ErrorClass#CODEC}) when the member is missing or not an integer
     */
    public static long readLong(Map<String, Object> message, String key) {
        if (!(message.get(key) instanceof Long value)) {
            throw new RanksException(ErrorClass.CODEC, "message " + abbreviate(write(message)) + " has "
                    + key + " = " + message.get(key) + ": expected an integer");
        }
        return value;
    }

    /**
     * Writes a reply of the process, FIFO and rank engines.
     *
     * @param id the id of the request answered
     * @param result what the worker's run gave; its call and index are not sent
     * @return the reply's JSON text
     */
    public static String writeReply(long id, Outcome result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (result.ok()) {
            m.put("result", result.result());
        } else {
            m.put("error", result.error());
        }
        m.put("worker", result.worker());
        m.put("ms", result.millis());
        return write(m);
    }

    /**
     * Turns a reply written by {@link #writeReply} into the outcome of a call.
     *
     * @param reply the reply's members, from {@link #readObject}
     * @param index the call's position in its batch
     * @param call the call answered
     * @param attempts how many times the call was started, this run included
     * @return the outcome
     */
    public static Outcome readOutcome(Map<String, Object> reply, int index, Call call, int attempts) {
        String worker = String.valueOf(reply.get("worker"));
        double millis = reply.get("ms") instanceof Number n ? n.doubleValue() : 0;
        if (reply.containsKey("error")) {
            return Outcome.failure(index, call, String.valueOf(reply.get("error")), worker, millis, attempts);
        }
        return Outcome.success(index, call, reply.get("result"), worker, millis, attempts);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
