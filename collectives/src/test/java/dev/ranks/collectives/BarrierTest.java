package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ObjectRequest;
import dev.ranks.comm.Status;
import dev.ranks.comm.testkit.CommSizes;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;

class BarrierTest {
    private static final int ROUNDS = 50;
    private static final int USER_TAG = 7;

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void noRankLeavesBeforeEveryRankHasEntered(int size) {
        AtomicInteger[] entered = new AtomicInteger[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            entered[round] = new AtomicInteger();
        }
        IntracommJobs.run(size, comm -> {
            for (int round = 0; round < ROUNDS; round++) {
                if (comm.rank() == round % size) {
                    // One rank arrives late each round, a different one each time, so that a barrier
                    // that lets ranks through early is caught in the act.
                    Thread.sleep(1);
                }
                entered[round].incrementAndGet();
                comm.barrier();
                assertEquals(size, entered[round].get(),
                        "rank " + comm.rank() + " left barrier " + round + " before every rank entered it");
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void collectiveTrafficDoesNotMatchUserMessages(int size) {
        IntracommJobs.run(size, comm -> {
            int last = comm.size() - 1;
            ObjectRequest<String> pending = comm.rank() == 0 ? comm.irecv(Comm.ANY_SOURCE, Comm.ANY_TAG) : null;

            comm.barrier();
            if (comm.rank() == 0) {
                assertFalse(pending.test(), "a receive for ANY_SOURCE and ANY_TAG matched a barrier's message");
            }
            // The real message is sent only once rank 0 has checked, which the second barrier ensures.
            comm.barrier();
            if (comm.rank() == last) {
                comm.send("user message", 0, USER_TAG);
            }

            if (comm.rank() == 0) {
                assertEquals("user message", pending.get());
                Status status = pending.waitFor();
                assertEquals(last, status.source());
                assertEquals(USER_TAG, status.tag());
            }
        });
    }
}
