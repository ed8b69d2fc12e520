package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** rank(), size(), settings(), wtime(), and starting jobs. */
class CommBasicsTest {

    @ParameterizedTest
    @CommSizes
    void everyRankRunsOnceWithItsOwnNumber(int size) {
        AtomicIntegerArray runs = new AtomicIntegerArray(size);
        Jobs.run(size, comm -> {
            assertEquals(size, comm.size());
            assertTrue(comm.rank() >= 0 && comm.rank() < size, "rank " + comm.rank());
            runs.incrementAndGet(comm.rank());
        });
        for (int rank = 0; rank < size; rank++) {
            assertEquals(1, runs.get(rank), "rank " + rank + " ran " + runs.get(rank) + " times");
        }
    }

    @Test
    void ranksSeeTheJobSettings() {
        Settings settings = Settings.defaults().withEagerLimit(4096).withWaitPolicy(WaitPolicy.PARK);
        Jobs.run(2, settings, comm -> assertEquals(settings, comm.settings()));
    }

    @Test
    void wtimeIncreasesInSeconds() {
        Jobs.run(2, comm -> {
            double start = comm.wtime();
            Thread.sleep(20);
            double end = comm.wtime();
            assertTrue(end - start >= 0.015, "20 ms of sleep measured as " + (end - start) + " s");
            assertTrue(end - start < 10, "20 ms of sleep measured as " + (end - start) + " s");
            double later = comm.wtime();
            assertTrue(later >= end);
        });
    }

    @Test
    void everyWaitPolicyRunsARing() {
        for (WaitPolicy policy : WaitPolicy.values()) {
            Jobs.run(5, Settings.defaults().withWaitPolicy(policy), comm -> {
                int right = (comm.rank() + 1) % 5;
                int left = (comm.rank() + 4) % 5;
                for (int i = 0; i < 200; i++) {
                    assertEquals(left * 1000 + i, (Integer) comm.sendrecv(comm.rank() * 1000 + i, right, 0, left, 0));
                }
            });
        }
    }

    @Test
    void aJobNeedsAtLeastOneRank() {
        RanksException e = assertThrows(RanksException.class, () -> Ranks.run(0, comm -> { }));
        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void anUnknownDeviceIsNamedWithTheKnownOnes() {
        RanksException e = assertThrows(RanksException.class, () -> Ranks.device("no-such-device"));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        assertTrue(e.getMessage().contains("no-such-device") && e.getMessage().contains("local"), e.getMessage());
    }

    @Test
    void theLocalDeviceIsRegistered() {
        assertEquals("local", Ranks.device("local").name());
    }
}
