package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launcher hosts}: the placement a hostfile gives, printed without running anything. */
class HostsCommandTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "hostfiles", "examples");

    @TempDir
    Path tmp;

    private Path hostfile(String text) throws IOException {
        return Files.writeString(tmp.resolve("cluster.hosts"), text);
    }

    @Test
    void bySlotFillsEachHostInTurn() throws IOException {
        Path hosts = hostfile("# mixed formats\nnode01 slots=2 max_slots=4\n\nnode02:3\nnode03\n");

        CliRun run = CliRun.of("hosts", "--hostfile", hosts.toString(), "-n", "5");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(
                "rank 0 -> node01", "rank 1 -> node01", "rank 2 -> node02", "rank 3 -> node02", "rank 4 -> node02",
                "",
                "node01: 2 of 2 slots, ranks 0-1",
                "node02: 3 of 3 slots, ranks 2-4",
                "node03: 0 of 1 slots",
                "5 ranks on 2 of 3 hosts, mapped by slot"), run.outLines(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void byNodeDealsRanksRoundRobinAndTheOptionsMayComeFirst() throws IOException {
        Path hosts = hostfile("node01 slots=4\nnode02 slots=4\n");

        CliRun run = CliRun.of("-n", "6", "--hostfile", hosts.toString(), "--map-by", "node", "hosts");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 -> node01", "rank 1 -> node02", "rank 2 -> node01", "rank 3 -> node02",
                "rank 4 -> node01", "rank 5 -> node02"), run.outLines().subList(0, 6), run::toString);
        assertTrue(run.out().contains("node01: 3 of 4 slots, ranks 0,2,4\n"), run::toString);
        assertTrue(run.out().contains("6 ranks on 2 of 2 hosts, mapped by node\n"), run::toString);
    }

    @Test
    void withoutNTheJobFillsEverySlot() throws IOException {
        Path hosts = hostfile("a:2\nb:1\n");

        CliRun run = CliRun.of("hosts", "--hostfile", hosts.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 -> a", "rank 1 -> a", "rank 2 -> b"), run.outLines().subList(0, 3), run::toString);
        assertTrue(run.out().contains("3 ranks on 2 of 2 hosts"), run::toString);
    }

    @Test
    void tooFewSlotsExitTwoWithBothCounts() throws IOException {
        Path hosts = hostfile("node01 slots=4\nnode02 slots=4\n");

        CliRun run = CliRun.of("hosts", "--hostfile", hosts.toString(), "-n", "9");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("has 8 slots on 2 hosts but 9 ranks were requested"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void malformedLineExitsTwoNamingFileLineAndText() throws IOException {
        Path hosts = hostfile("node01 slots=4\n# fine so far\nnode02 slots=four\n");

        CliRun run = CliRun.of("hosts", "--hostfile", hosts.toString(), "-n", "2");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(hosts + ":3: "), run::toString);
        assertTrue(run.err().contains("'four'") && run.err().contains("\"node02 slots=four\""), run::toString);
    }

    @Test
    void missingHostfileExitsTwoSayingWhatIsNeeded() {
        CliRun run = CliRun.of("hosts", "-n", "2");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("launcher hosts needs --hostfile FILE"), run::toString);
    }

    @Test
    void hostfileThatDoesNotExistExitsTwoNamingIt() {
        Path missing = tmp.resolve("nope.hosts");

        CliRun run = CliRun.of("hosts", "--hostfile", missing.toString());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(missing + " does not exist"), run::toString);
    }

    @Test
    void theTwoNodeExampleHoldsEightRanks() {
        CliRun run = CliRun.of("hosts", "--hostfile", EXAMPLES.resolve("two-nodes.hosts").toString(), "-n", "8");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("ranks-node1: 4 of 4 slots, ranks 0-3\nranks-node2: 4 of 4 slots, ranks 4-7\n"),
                run::toString);
    }

    @Test
    void rangesCollapseRuns() {
        assertEquals("0-3,8,10-11", HostsCommand.ranges(List.of(0, 1, 2, 3, 8, 10, 11)));
        assertEquals("5", HostsCommand.ranges(List.of(5)));
        assertEquals("", HostsCommand.ranges(List.of()));
    }
}
