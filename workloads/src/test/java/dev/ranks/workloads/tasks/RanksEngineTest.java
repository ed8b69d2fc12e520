package dev.ranks.workloads.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.testkit.IntracommJobs;
import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.workloads.fib.FastDoubling;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RanksEngineTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void rankZeroSchedulesAndTheOthersServe(int size) {
        IntracommJobs.run(size, comm -> {
            TaskRegistry registry = TaskRegistry.load();
            if (comm.rank() != 0) {
                RanksEngine.serve(comm, registry);
                return;
            }
            try (RanksEngine engine = RanksEngine.onRoot(comm, registry)) {
                assertEquals(Math.max(1, size - 1), engine.workers());
                List<Call> calls = new ArrayList<>();
                for (int n = 0; n < 25; n++) {
                    calls.add(Call.of("fib", 10 * n));
                }
                calls.add(Call.of("sqrt", 16));
                List<Outcome> outcomes = engine.submit(calls).await();
                for (int n = 0; n < 25; n++) {
                    assertEquals(FastDoubling.fib(10 * n), new BigInteger(outcomes.get(n).value().toString()));
                }
                assertEquals(4.0, outcomes.get(25).value());
                assertEquals(size == 1 ? 1 : size - 1,
                        outcomes.stream().map(Outcome::worker).distinct().count());
                assertEquals(2L, engine.submit(List.of(Call.of("fib", 3))).await().get(0).value());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {3})
    void aRankWithTheCostlyCallRunsFewerCalls(int size) {
        IntracommJobs.run(size, comm -> {
            TaskRegistry registry = TaskRegistry.load();
            if (comm.rank() != 0) {
                RanksEngine.serve(comm, registry);
                return;
            }
            try (RanksEngine engine = RanksEngine.onRoot(comm, registry)) {
                List<Call> calls = new ArrayList<>();
                calls.add(Call.of("fib", 1_000_000));
                for (int i = 0; i < 60; i++) {
                    calls.add(Call.of("fib", 20));
                }
                Batch batch = engine.submit(calls);
                List<Outcome> outcomes = batch.await();
                String heavy = outcomes.get(0).worker();
                Map<String, Long> perWorker = outcomes.stream()
                        .collect(Collectors.groupingBy(Outcome::worker, Collectors.counting()));
                long light = perWorker.entrySet().stream().filter(e -> !e.getKey().equals(heavy))
                        .mapToLong(Map.Entry::getValue).sum();
                assertTrue(perWorker.get(heavy) < light, "dynamic balance: " + perWorker);
                assertEquals(61, perWorker.values().stream().mapToLong(Long::longValue).sum());
                assertEquals(0, batch.summary().failed());
            }
        });
    }
}
