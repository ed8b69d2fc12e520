package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trace FILE}: the Chrome trace-event JSON a job leaves, read back with Jackson as
 * Perfetto reads it: a track per rank, spans for point-to-point calls, collectives with their
 * algorithm and users' regions, arrows from each send to its receive; also after a failed rank
 * and a deadlock, and a bad path refused before the job runs.
 */
class TraceTest {
    @TempDir
    static Path dir;
    private static String cp;

    /** A user's program that marks a region, sends and receives arrays and objects, and runs collectives. */
    static final String TRACED = """
                        package demo;
                        import dev.ranks.collectives.*;
                        import dev.ranks.comm.*;
                        public class Traced implements RankProgram {
                            public void run(Intracomm world, String[] args) {
                                int r = world.rank();
                                int n = world.size();
                                try (TraceSpan phase = world.trace("ring")) {
                                    int[] got = new int[1];
                                    Request in = world.irecv(got, (r - 1 + n) % n, 7);
                                    world.send(new int[] {r}, (r + 1) % n, 7);
                                    while (!in.test()) {
                                        Thread.onSpinWait();
                                    }
                                }
                                world.send("hello from " + r, (r + 1) % n, 3);
                                world.probe(Comm.ANY_SOURCE, Comm.ANY_TAG);
                                world.recv(Comm.ANY_SOURCE, Comm.ANY_TAG);
                                world.allreduce(new double[] {r}, Op.SUM);
                                world.bcast(new long[4], 0);
                                world.barrierAsync().waitFor();
                            }
                        }
                        """;

    @BeforeAll
    static void compileUserPrograms() throws IOException {
        cp = UserClasses.compile(dir.resolve("classes"), Map.of("demo.Traced", TRACED)).toString();
    }

    @Test
    void fibLeavesATrackPerRankWithArrowsFromSendsToReceives() throws IOException {
        Path file = dir.resolve("fib.json");

        CliRun run = CliRun.of("-n", "4", "--trace", file.toString(), "fib", "10", "20", "30", "40");

        assertEquals(0, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(file);
        assertEquals(Set.of("rank 0", "rank 1", "rank 2", "rank 3"), trace.threadNames(), trace::toString);
        assertTrue(trace.spans("scatter").stream().allMatch(s -> s.path("args").has("algorithm")), trace::toString);
        assertEquals(4, trace.spans("gather").size(), trace::toString);
        assertFalse(trace.arrows().isEmpty(), trace::toString);
        trace.assertArrowsGoFromSendsToReceives();
    }

    @Test
    void aUsersProgramHasItsRegionItsCallsAndItsCollectivesWithTheirAlgorithm() throws IOException {
        Path file = dir.resolve("run.json");

        CliRun run = CliRun.of("-n", "3", "--trace", file.toString(), "run", "--class-path", cp, "demo.Traced");

        assertEquals(0, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(file);
        assertEquals(Set.of("rank 0", "rank 1", "rank 2"), trace.threadNames(), trace::toString);
        for (int r = 0; r < 3; r++) {
            int rank = r;
            JsonNode region = trace.spans("ring").stream().filter(s -> TraceEvents.rank(s) == rank).findFirst()
                    .orElseThrow(() -> new AssertionError("no region on rank " + rank + "\n" + trace));
            assertEquals("user", region.get("cat").asText());
            // The ring's sends and receives happen inside the region.
            double start = region.get("ts").asDouble();
            double end = start + region.get("dur").asDouble();
            assertTrue(trace.spans("send").stream().anyMatch(s -> TraceEvents.rank(s) == rank
                    && s.path("args").path("tag").asInt() == 7 && s.path("args").path("dest").asInt() == (rank + 1) % 3
                    && s.path("args").path("bytes").asInt() == 4
                    && s.get("ts").asDouble() >= start && s.get("ts").asDouble() <= end), trace::toString);
        }
        assertEquals(3, trace.spans("probe").size(), trace::toString);
        // A blocking allreduce of a small array meets in shared memory on the local device.
        assertEquals(Set.of("shm"), trace.algorithms("allreduce"), trace::toString);
        assertEquals(3, trace.spans("bcast").size(), trace::toString);
        assertEquals(3, trace.all().stream().filter(e -> e.get("ph").asText().equals("b")
                && e.get("name").asText().equals("barrier")).count(), trace::toString);
        assertEquals(trace.all().stream().filter(e -> e.get("ph").asText().equals("b")).count(),
                trace.all().stream().filter(e -> e.get("ph").asText().equals("e")).count(), trace::toString);
        // 3 ring messages, 3 objects, and the collectives' own messages: every one has its arrow.
        long sends = trace.spans("send").size();
        assertEquals(sends, trace.arrows().size(), trace::toString);
        trace.assertArrowsGoFromSendsToReceives();
    }

    @Test
    void aFailedRankStillLeavesATrace() throws IOException {
        Path file = dir.resolve("failed.json");

        CliRun run = CliRun.of("-n", "3", "--fail-rank", "1", "--trace", file.toString(), "bcast");

        assertEquals(1, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(file);
        assertEquals(Set.of("rank 0", "rank 1", "rank 2"), trace.threadNames(), trace::toString);
    }

    @Test
    void aDeadlockLeavesATraceThatShowsTheBlockedCalls() throws IOException {
        Path file = dir.resolve("deadlock.json");

        CliRun run = CliRun.of("-n", "9", "--trace", file.toString(), "deadlock");

        assertEquals(3, run.exitCode(), run::toString);
        TraceEvents trace = TraceEvents.read(file);
        assertEquals(9, trace.threadNames().size(), trace::toString);
        // Each blocked recv either has ended with the deadlock error or is shown unfinished.
        assertEquals(Set.of(1, 5), trace.spans("recv").stream().filter(e -> e.path("args").path("error").asText()
                .matches("(?s)(dev.ranks.comm.DeadlockException|unfinished).*")).map(TraceEvents::rank)
                .collect(Collectors.toSet()), trace::toString);
    }

    @Test
    void anUnwritablePathIsAUsageErrorBeforeTheJobRuns() {
        Path file = dir.resolve("missing").resolve("t.json");

        CliRun run = CliRun.of("-n", "2", "--trace", file.toString(), "hello");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--trace '" + file + "'"), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}
