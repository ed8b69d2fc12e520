package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class P2pCommandTest {
    @ParameterizedTest
    @ValueSource(ints = {9, 12})
    void printsTheCookbooksLines(int ranks) {
        CliRun run = CliRun.of("-n", String.valueOf(ranks), "p2p");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> expected = new ArrayList<>(List.of(
                "sending data 10000000 to process 4",
                "sending data hello to process 8",
                "data received is = 10000000",
                "data1 received is = hello"));
        IntStream.range(0, ranks).forEach(r -> expected.add("my rank is : " + r));
        assertTrue(run.outLines().containsAll(expected), run::toString);
        assertEquals(expected.size(), run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }
}
