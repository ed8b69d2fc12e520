package dev.ranks.comm;

import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** probe and iprobe: what they report, that they leave the message in place, and probe-then-allocate. */
class P2pProbeTest {
    private static final int DATA = 5;
    private static final int GO = 6;

    @Test
    void iprobeIsEmptyBeforeTheSendAndReportsTheMessageAfter() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 1) {
                assertEquals(Optional.empty(), comm.iprobe(0, DATA), "rank 0 has not sent yet");
                assertEquals(Optional.empty(), comm.iprobe(ANY_SOURCE, ANY_TAG));
                comm.send("go", 0, GO);
                assertEquals("sent", comm.recv(0, GO));
                assertTrue(Eventually.holds(() -> comm.iprobe(0, DATA).isPresent()), "iprobe never saw the message");
                Status expected = new Status(0, DATA, 37, ElementType.INT, false);
                assertEquals(Optional.of(expected), comm.iprobe(0, DATA));
                assertEquals(Optional.of(expected), comm.iprobe(ANY_SOURCE, ANY_TAG));
                assertEquals(Optional.empty(), comm.iprobe(0, DATA + 1), "iprobe matched another tag");
                int[] got = new int[37];
                assertEquals(expected, comm.recv(got, 0, DATA));
                assertArrayEquals(Patterns.ints(37, 1), got);
                assertEquals(Optional.empty(), comm.iprobe(0, DATA), "the message was received; nothing is left");
            } else {
                assertEquals("go", comm.recv(1, GO));
                comm.send(Patterns.ints(37, 1), 1, DATA);
                comm.send("sent", 1, GO);
            }
        });
    }

    @Test
    void probeThenAllocateExactlyThenReceive() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.doubles(1234, 7), 1, DATA);
                comm.send(Patterns.chars(3, 8), 1, DATA + 1);
            } else {
                Status status = comm.probe(0, ANY_TAG);
                assertEquals(new Status(0, DATA, 1234, ElementType.DOUBLE, false), status);
                assertEquals(status, comm.probe(0, ANY_TAG), "probe must not consume the message");
                double[] buf = new double[status.count()];
                assertEquals(status, comm.recv(buf, status.source(), status.tag()));
                assertArrayEquals(Patterns.doubles(1234, 7), buf);

                Status next = comm.probe(ANY_SOURCE, DATA + 1);
                assertEquals(new Status(0, DATA + 1, 3, ElementType.CHAR, false), next);
                char[] chars = new char[next.count()];
                comm.recv(chars, 0, DATA + 1);
                assertArrayEquals(Patterns.chars(3, 8), chars);
            }
        });
    }

    @Test
    void probeSeesARendezvousMessageWhileItsSenderWaits() {
        int count = 100_000;
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(count, 3), 1, DATA);
            } else {
                Status status = comm.probe(0, DATA);
                assertEquals(new Status(0, DATA, count, ElementType.INT, false), status);
                int[] buf = new int[status.count()];
                comm.recv(buf, 0, DATA);
                assertArrayEquals(Patterns.ints(count, 3), buf);
            }
        });
    }

    @Test
    void blockedProbeWakesForAMessageSentLater() {
        Jobs.run(3, comm -> {
            if (comm.rank() == 0) {
                Thread.sleep(100);
                comm.send(new byte[7], 2, DATA);
                comm.send("later", 1, DATA);
            } else if (comm.rank() == 1) {
                assertEquals(new Status(0, DATA, 1, ElementType.OBJECT, false), comm.probe(0, DATA));
                assertEquals("later", comm.recv(0, DATA));
            } else {
                assertEquals(new Status(0, DATA, 7, ElementType.BYTE, false), comm.probe(ANY_SOURCE, ANY_TAG));
                assertEquals(7, comm.recv(new byte[7], 0, DATA).count());
            }
        });
    }

    @Test
    void probeReportsAnObjectMessage() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(List.of(1, 2, 3), 1, DATA);
            } else {
                assertEquals(new Status(0, DATA, 1, ElementType.OBJECT, false), comm.probe(ANY_SOURCE, ANY_TAG));
                assertEquals(List.of(1, 2, 3), comm.recv(0, DATA));
            }
        });
    }

    @ParameterizedTest
    @CommSizes({2, 3, 6, 11})
    void probeAnySourceThenReceiveFromTheProbedSource(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            if (rank != 0) {
                comm.send(Patterns.longs(rank * 10, rank), 0, 100 + rank);
                return;
            }
            Set<Integer> seen = new HashSet<>();
            for (int i = 1; i < size; i++) {
                Status status = comm.probe(ANY_SOURCE, ANY_TAG);
                int source = status.source();
                assertEquals(new Status(source, 100 + source, source * 10, ElementType.LONG, false), status);
                long[] buf = new long[status.count()];
                comm.recv(buf, source, status.tag());
                assertArrayEquals(Patterns.longs(source * 10, source), buf);
                assertTrue(seen.add(source));
            }
        });
    }
}
