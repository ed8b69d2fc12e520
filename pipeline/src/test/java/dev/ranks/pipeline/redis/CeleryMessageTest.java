package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CeleryMessageTest {
    /** A message as Celery 5.2.6 with kombu 5.2.4 pushes it for {@code fibo_task.apply_async((30,), queue='fibo_queue', countdown=10)}. */
    private static final String FROM_CELERY = "{\"body\": \"W1szMF0sIHt9LCB7ImNhbGxiYWNrcyI6IG51bGwsICJlcnJiYWNrcyI6IG51bGwsICJjaGFpbiI6IG51bGwsICJjaG9yZCI6IG51bGx9XQ==\","
            + " \"content-encoding\": \"utf-8\", \"content-type\": \"application/json\", \"headers\": {\"lang\": \"py\","
            + " \"task\": \"tasks.fibo_task\", \"id\": \"0d3e4f5a-1111-2222-3333-444455556666\", \"shadow\": null,"
            + " \"eta\": \"2026-11-22T08:00:10.123456+00:00\", \"expires\": null, \"group\": null, \"group_index\": null,"
            + " \"retries\": 0, \"timelimit\": [null, null], \"root_id\": \"0d3e4f5a-1111-2222-3333-444455556666\","
            + " \"parent_id\": null, \"argsrepr\": \"(30,)\", \"kwargsrepr\": \"{}\", \"origin\": \"gen42@host\","
            + " \"ignore_result\": false}, \"properties\": {\"correlation_id\": \"0d3e4f5a-1111-2222-3333-444455556666\","
            + " \"reply_to\": \"9b1c\", \"delivery_mode\": 2, \"delivery_info\": {\"exchange\": \"\", \"routing_key\":"
            + " \"fibo_queue\"}, \"priority\": 0, \"body_encoding\": \"base64\", \"delivery_tag\": \"7e0f\"}}";

    @Test
    void readsWhatCeleryPushes() {
        CeleryMessage message = CeleryMessage.decode(FROM_CELERY);
        assertEquals("0d3e4f5a-1111-2222-3333-444455556666", message.id());
        assertEquals("tasks.fibo_task", message.call().task());
        assertEquals(List.of(30L), message.call().args());
        assertEquals(Map.of(), message.call().kwargs());
        assertEquals(Instant.parse("2026-11-22T08:00:10.123456Z"), message.eta());
        assertEquals("fibo_queue", message.queue());
        assertEquals("7e0f", message.deliveryTag());
    }

    @Test
    void writesWhatCeleryReads() {
        BigInteger big = new BigInteger("123456789012345678901234567890");
        CeleryMessage message = CeleryMessage.of(new Call("fib", List.of(big, "x"), Map.of("k", 2.5)), "fibo_queue")
                .withExpires(Instant.parse("2030-01-01T00:00:00Z"));
        Map<String, Object> envelope = Json.readObject(message.encode());
        assertEquals("application/json", envelope.get("content-type"));
        Map<?, ?> headers = (Map<?, ?>) envelope.get("headers");
        assertEquals("fib", headers.get("task"));
        assertEquals(message.id(), headers.get("id"));
        assertEquals(0L, headers.get("retries"));
        assertEquals("2030-01-01T00:00Z", headers.get("expires"));
        Map<?, ?> properties = (Map<?, ?>) envelope.get("properties");
        assertEquals("base64", properties.get("body_encoding"));
        assertEquals(Map.of("exchange", "", "routing_key", "fibo_queue"), properties.get("delivery_info"));
        String body = new String(Base64.getDecoder().decode((String) envelope.get("body")), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("[[123456789012345678901234567890,\"x\"],{\"k\":2.5},{\"callbacks\":null"), body);
        CeleryMessage back = CeleryMessage.decode(message.encode());
        assertEquals(message, back);
        CeleryMessage retry = back.retry(Instant.parse("2030-01-01T00:00:00Z"));
        assertEquals(1, retry.retries());
        assertEquals(message.id(), retry.id());
        assertTrue(!retry.deliveryTag().equals(message.deliveryTag()));
    }

    @Test
    void readsProtocolOne() {
        String body = Base64.getEncoder().encodeToString(
                "{\"task\": \"tasks.sqrt_task\", \"id\": \"abc\", \"args\": [2], \"kwargs\": {}, \"retries\": 1}"
                        .getBytes(StandardCharsets.UTF_8));
        CeleryMessage message = CeleryMessage.decode("{\"body\": \"" + body + "\", \"content-type\": \"application/json\","
                + " \"headers\": {}, \"properties\": {\"body_encoding\": \"base64\", \"delivery_tag\": \"t\"}}");
        assertEquals("tasks.sqrt_task", message.call().task());
        assertEquals(1, message.retries());
    }

    @Test
    void malformedMessagesSayWhatIsWrong() {
        assertTrue(assertThrows(RanksException.class, () -> CeleryMessage.decode("{\"properties\": {}}"))
                .getMessage().contains("body is missing"));
        assertTrue(assertThrows(RanksException.class, () -> CeleryMessage.decode(
                FROM_CELERY.replace("\"body_encoding\": \"base64\"", "\"body_encoding\": \"rot13\"")))
                .getMessage().contains("body encoding 'rot13' is unsupported"));
        assertTrue(assertThrows(RanksException.class, () -> CeleryMessage.decode(
                FROM_CELERY.replace("\"eta\": \"2026-11-22T08:00:10.123456+00:00\"", "\"eta\": \"tomorrow\"")))
                .getMessage().contains("'eta' tomorrow is not an ISO 8601 time"));
    }
}
