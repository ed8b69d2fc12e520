package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The latency path allocates nothing: a blocking ping-pong of small primitive arrays on the local
 * device (fast box, reused receive request, repeated status) leaves no garbage per message, even
 * in the interpreter. Measured with the thread's allocation counter, not with a clock.
 */
class P2pAllocationTest {
    private static final int WARMUP = 1000;
    private static final int ROUNDS = 20_000;

    @ParameterizedTest
    @EnumSource(value = WaitPolicy.class, names = {"SPIN", "PARK"})
    void smallBlockingPingPongAllocatesNothingPerMessage(WaitPolicy policy) {
        long[] allocated = new long[2];
        Jobs.run(2, Settings.defaults().withWaitPolicy(policy), comm -> {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            byte[] buf = new byte[8];
            // The first messages allocate the box's buffer and the first status.
            pingPong(comm, buf, WARMUP);
            long before = threads.getCurrentThreadAllocatedBytes();
            pingPong(comm, buf, ROUNDS);
            allocated[comm.rank()] = threads.getCurrentThreadAllocatedBytes() - before;
        });
        for (int rank = 0; rank < 2; rank++) {
            long bytes = allocated[rank];
            // One status or request per message would be 24 bytes or more: well over one byte per round trip.
            assertTrue(bytes < ROUNDS, () -> policy + ": " + bytes + " bytes allocated in " + ROUNDS + " round trips");
        }
    }

    private static void pingPong(Comm comm, byte[] buf, int rounds) {
        int other = 1 - comm.rank();
        for (int i = 0; i < rounds; i++) {
            if (comm.rank() == 0) {
                buf[0] = (byte) i;
                comm.send(buf, 0, 8, other, 0);
                comm.recv(buf, 0, 8, other, 0);
            } else {
                comm.recv(buf, 0, 8, other, 0);
                comm.send(buf, 0, 8, other, 0);
            }
        }
    }
}
