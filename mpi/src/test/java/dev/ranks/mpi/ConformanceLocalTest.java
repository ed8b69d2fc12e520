package dev.ranks.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Settings;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conformance suite on the local device, the reference every other device is held to. */
class ConformanceLocalTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 11})
    void passesOnTheLocalDevice(int size) {
        AtomicInteger checks = new AtomicInteger();
        JobResult result = Intracomm.run(size, Settings.defaults(), world -> {
            int n = Conformance.run(world);
            if (world.rank() == 0) {
                checks.set(n);
            }
        });
        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), () -> String.valueOf(result.cause()));
        assertEquals(11, checks.get());
    }
}
