package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StagesTest {
    @Test
    void aSlowConsumerBoundsTheProducer() {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        Iterable<Integer> source = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced.get() < 200;
            }

            @Override
            public Integer next() {
                int n = produced.incrementAndGet();
                maxAhead.accumulateAndGet(n - consumed.get(), Math::max);
                return n;
            }
        };
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        Stages.from(source, 2)
                .map("double", 2, 3, n -> 2 * n)
                .map("inc", 1, 2, n -> n + 1)
                .run(n -> {
                    sleep(2);
                    out.add(n);
                    consumed.incrementAndGet();
                });
        assertEquals(200, out.size());
        assertEquals(201 * 200 + 200, out.stream().mapToInt(Integer::intValue).sum());
        // Queues 2 + 3 + 2, one item in the hands of each of the 3 stage threads, the producer's
        // and the consumer's: never more in flight, for 200 items.
        int bound = 2 + 3 + 2 + 3 + 2;
        assertTrue(maxAhead.get() <= bound, "producer ran " + maxAhead.get() + " items ahead, bound " + bound);
        assertTrue(maxAhead.get() >= bound - 3, "the queues never filled: " + maxAhead.get());
    }

    @Test
    void aFailingStageStopsThePipelineAndIsRethrown() {
        List<Integer> items = java.util.stream.IntStream.range(0, 10_000).boxed().toList();
        RanksException e = assertThrows(RanksException.class, () -> Stages.from(items, 4)
                .map("check", 2, 4, n -> {
                    if (n == 50) {
                        throw new IllegalArgumentException("bad item 50");
                    }
                    return n;
                })
                .run(n -> { }));
        assertTrue(e.getMessage().contains("bad item 50"), e.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
