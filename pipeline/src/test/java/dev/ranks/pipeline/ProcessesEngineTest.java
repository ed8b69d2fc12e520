package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProcessesEngineTest extends EngineContract {
    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    @Override
    Engine open() {
        return Engines.open("processes", EngineConfig.defaults().withWorkers(2)
                .withDiagnostics(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)));
    }

    @Test
    void aWorkerKilledMidBatchHasItsCallReRunAndItsDeathReported() throws Exception {
        ProcessesEngine processes = (ProcessesEngine) engine;
        // Warm both workers up, so that the kill below lands while each is running a call.
        processes.submit(List.of(Call.of("sleep", 50), Call.of("sleep", 50))).await();
        List<Call> calls = IntStream.range(0, 6).mapToObj(i -> Call.of("sleep", 400)).toList();
        Batch batch = processes.submit(calls);
        Thread.sleep(200);
        long victim = processes.workerPids().get(0);
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        List<Outcome> outcomes = batch.await();
        for (Outcome o : outcomes) {
            assertEquals(400L, o.value());
            assertTrue(!o.worker().contains("pid " + victim + ")") || o.attempts() == 1, o.toString());
        }
        assertEquals(1, outcomes.stream().filter(o -> o.attempts() == 2).count(), outcomes.toString());
        Summary summary = batch.summary();
        assertEquals(1, summary.deaths().size());
        assertTrue(summary.deaths().get(0).contains("pid " + victim + ") died"), summary.deaths().toString());
        assertTrue(summary.line().endsWith("1 worker deaths"), summary.line());
        assertTrue(diagnostics.toString(StandardCharsets.UTF_8).contains("re-running it on another worker"),
                diagnostics.toString(StandardCharsets.UTF_8));
        assertEquals(1, processes.workerPids().size());
    }
}
