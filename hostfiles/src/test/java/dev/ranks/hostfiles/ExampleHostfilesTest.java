package dev.ranks.hostfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExampleHostfilesTest {
    private static final Path EXAMPLES = Path.of("examples");

    @Test
    void localhostRunsFourRanksOnThisMachine() {
        Hostfile hostfile = Hostfile.read(EXAMPLES.resolve("localhost.hosts"));

        assertEquals(List.of(HostEntry.of("localhost", 4)), hostfile.hosts());
        assertEquals(List.of("localhost"), hostfile.place(4).ranksByHost().keySet().stream().toList());
    }

    @Test
    void twoNodesAreTheTestNamespacesWithFourSlotsEach() {
        Hostfile hostfile = Hostfile.read(EXAMPLES.resolve("two-nodes.hosts"));

        assertEquals(List.of(HostEntry.of("ranks-node1", 4), HostEntry.of("ranks-node2", 4)), hostfile.hosts());
        assertEquals(List.of("rank 0 -> ranks-node1", "rank 1 -> ranks-node2"),
                hostfile.place(2, MapBy.NODE, false).lines());
        RanksException e = assertThrows(RanksException.class, () -> hostfile.place(12));
        assertEquals("hostfile examples/two-nodes.hosts has 8 slots on 2 hosts but 12 ranks were requested:"
                + " add hosts or slots, or use fewer ranks", e.getMessage());
    }

    @Test
    void templateShowsAllThreeFormats() {
        Hostfile hostfile = Hostfile.read(EXAMPLES.resolve("template.hosts"));

        assertEquals(List.of(
                HostEntry.of("node01", 4, 8),
                HostEntry.of("node02", 4),
                HostEntry.of("node03", 2),
                HostEntry.of("node04", 1),
                HostEntry.of("192.168.10.5", 1)), hostfile.hosts());
        assertEquals(12, hostfile.totalSlots());
    }

    @Test
    void everyExampleParses() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(p -> p.toString().endsWith(".hosts")).sorted().toList();
        }

        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            assertFalse(Hostfile.read(example).hosts().isEmpty(), example.toString());
        }
    }
}
