package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadsEngineTest extends EngineContract {
    @Override
    Engine open() {
        return Engines.open("threads", EngineConfig.defaults().withWorkers(3).withQueueCapacity(2));
    }

    @Test
    void aBatchLargerThanTheQueueStillRuns() {
        List<Call> calls = IntStream.range(0, 500).mapToObj(i -> Call.of("square", i)).toList();
        assertEquals(499L * 499, engine.submit(calls).await().get(499).value());
    }

    @Test
    void anUnknownEngineNamesTheKnownOnes() {
        RanksException e = org.junit.jupiter.api.Assertions.assertThrows(RanksException.class,
                () -> Engines.open("celery", EngineConfig.defaults()));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("'celery'") && e.getMessage().contains("threads, processes, fifo"),
                e.getMessage());
    }
}
