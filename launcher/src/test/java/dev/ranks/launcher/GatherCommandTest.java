package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatherCommandTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void rankZeroSaysWhatItReceivedFromWhom(int ranks) {
        CliRun run = CliRun.of("-n", String.valueOf(ranks), "gather");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> received = IntStream.range(0, ranks)
                .mapToObj(i -> "process 0 receiving data from process " + i + ": " + (i + 1) * (i + 1))
                .toList();
        List<String> sent = IntStream.range(1, ranks)
                .mapToObj(r -> "process " + r + " sending " + (r + 1) * (r + 1) + " to process 0")
                .toList();
        assertEquals(received, run.outLines().stream().filter(line -> line.contains(" receiving ")).toList(),
                run::toString);
        assertEquals(sent, run.outLines().stream().filter(line -> line.contains(" sending ")).sorted().toList(),
                run::toString);
        assertEquals(2 * ranks - 1, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }
}
