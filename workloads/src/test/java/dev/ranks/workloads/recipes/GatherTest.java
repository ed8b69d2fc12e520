package dev.ranks.workloads.recipes;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.CommSizes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;

class GatherTest {
    @ParameterizedTest
    @CommSizes
    void theRootSaysWhatItReceivedFromWhom(int size) {
        Output out = new Output();

        IntracommJobs.run(size, comm -> Gather.run(comm, out.writer()));

        List<String> received = IntStream.range(0, size)
                .mapToObj(i -> "process 0 receiving data from process " + i + ": " + (i + 1) * (i + 1))
                .toList();
        Set<String> sent = IntStream.range(1, size)
                .mapToObj(r -> "process " + r + " sending " + (r + 1) * (r + 1) + " to process 0")
                .collect(Collectors.toSet());
        List<String> lines = out.lines();
        assertEquals(2 * size - 1, lines.size(), () -> "lines: " + lines);
        // The root prints its lines one after another, in rank order; other ranks' lines may fall between them.
        assertEquals(received, lines.stream().filter(line -> line.startsWith("process 0 receiving")).toList());
        assertEquals(sent, lines.stream().filter(line -> line.contains(" sending ")).collect(Collectors.toSet()));
    }
}
