package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void bigIntegersSurviveExactlyAndSmallOnesBecomeLongs() {
        BigInteger big = BigInteger.TWO.pow(200).add(BigInteger.ONE);
        Object back = Json.read(Json.write(List.of(big, 7, BigInteger.TEN, 1.5f)));
        assertEquals(List.of(big, 7L, 10L, 1.5), back);
        assertInstanceOf(BigInteger.class, ((List<?>) back).get(0));
    }

    @Test
    void integersOfAHundredThousandDigitsRoundTrip() {
        BigInteger huge = BigInteger.TEN.pow(100_000).subtract(BigInteger.ONE);
        assertEquals(huge, Json.read(Json.write(huge)));
    }

    @Test
    void requestAndReplyRoundTrip() {
        Call call = new Call("fib", List.of(30), Map.of("full", true));
        Map<String, Object> request = Json.readObject(Json.writeRequest(9, call));
        assertEquals(9L, Json.readLong(request, "id"));
        assertEquals(call, Json.readCall(request));
        Outcome done = Outcome.success(0, call, 832040, "w", 1.5, 1);
        Outcome back = Json.readOutcome(Json.readObject(Json.writeReply(9, done)), 4, call, 2);
        assertEquals(Outcome.success(4, call, 832040L, "w", 1.5, 2), back);
        Outcome failed = Json.readOutcome(Json.readObject(Json.writeReply(9,
                Outcome.failure(0, call, "trace\n\tat x", "w", 0, 1))), 4, call, 1);
        assertEquals("trace\n\tat x", failed.error());
    }

    @Test
    void nullArgumentsAreKept() {
        Call call = new Call("echo", Arrays.asList(null, "a"), Map.of());
        assertEquals(call, Json.readCall(Json.readObject(Json.writeRequest(0, call))));
    }

    @Test
    void rejectsValuesJsonCannotCarryAndTextThatIsNotJson() {
        RanksException e = assertThrows(RanksException.class, () -> Call.of("echo", new Object()));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals(ErrorClass.CODEC, assertThrows(RanksException.class, () -> Json.read("{\"a\":")).errorClass());
        assertTrue(assertThrows(RanksException.class, () -> Json.readObject("[1]")).getMessage().contains("object"));
    }
}
