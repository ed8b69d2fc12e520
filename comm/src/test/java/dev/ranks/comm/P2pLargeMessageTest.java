package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.Jobs;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages of several MiB, whose copy the local device splits between the matching rank and the
 * waiting one: the data must arrive whole and in place whether the receive or the message came
 * first, at odd offsets and lengths, and nothing outside the receive's slice may change.
 */
class P2pLargeMessageTest {
    private static final int COUNT = (3 << 20) / 2 + 12_345;
    private static final int SEND_OFFSET = 777;
    private static final int RECV_OFFSET = 3;
    private static final long UNTOUCHED = -7;

    @ParameterizedTest(name = "receive first: {0}")
    @CsvSource({"true", "false"})
    void longsArriveWholeAndInPlace(boolean receiveFirst) {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                if (receiveFirst) {
                    Thread.sleep(20);
                }
                comm.send(pattern(COUNT + 2 * SEND_OFFSET), SEND_OFFSET, COUNT, 1, 0);
            } else {
                if (!receiveFirst) {
                    Thread.sleep(20);
                }
                long[] got = new long[RECV_OFFSET + COUNT + 2];
                Arrays.fill(got, UNTOUCHED);
                Status status = comm.recv(got, RECV_OFFSET, COUNT, 0, 0);

                assertEquals(COUNT, status.count());
                long[] expected = new long[got.length];
                Arrays.fill(expected, UNTOUCHED);
                System.arraycopy(pattern(COUNT + 2 * SEND_OFFSET), SEND_OFFSET, expected, RECV_OFFSET, COUNT);
                assertArrayEquals(expected, got);
            }
        });
    }

    @ParameterizedTest(name = "receive first: {0}")
    @CsvSource({"true", "false"})
    void bytesAndDoublesArriveWholeThroughNonBlockingCalls(boolean receiveFirst) {
        Jobs.run(2, comm -> {
            int n = 5 << 20;
            if (comm.rank() == 0) {
                if (receiveFirst) {
                    Thread.sleep(20);
                }
                byte[] bytes = new byte[n];
                double[] doubles = new double[n / 8 + 1];
                for (int i = 0; i < n; i++) {
                    bytes[i] = (byte) (i * 31);
                }
                for (int i = 0; i < doubles.length; i++) {
                    doubles[i] = i * 0.5;
                }
                Request.waitAll(comm.isend(bytes, 1, 1), comm.isend(doubles, 1, 2));
            } else {
                if (!receiveFirst) {
                    Thread.sleep(20);
                }
                byte[] bytes = new byte[n];
                double[] doubles = new double[n / 8 + 1];
                Request.waitAll(comm.irecv(bytes, 0, 1), comm.irecv(doubles, 0, 2));
                for (int i = 0; i < n; i++) {
                    assertEquals((byte) (i * 31), bytes[i], "byte " + i);
                }
                for (int i = 0; i < doubles.length; i++) {
                    assertEquals(i * 0.5, doubles[i], "double " + i);
                }
            }
        });
    }

    private static long[] pattern(int length) {
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = i * 0x9E3779B97F4A7C15L;
        }
        return values;
    }
}
