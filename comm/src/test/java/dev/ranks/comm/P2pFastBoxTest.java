package dev.ranks.comm;

import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The local device's fast boxes (eager messages up to 256 B, a ring of 8 slots per sender and receiver)
 * beside its mailbox path (larger eager messages, rendezvous ones, synchronous sends, objects):
 * whichever path each message takes, MPI's matching rules hold. Sizes straddle the box's 256 B and
 * the eager limit; several tests leave a message sitting in a box (the receiver sleeps outside the
 * library) so that the next call has to take it in first.
 */
class P2pFastBoxTest {
    /** Element counts of int messages: empty, one, in the box, the box's edge (256 B), just over, eager, rendezvous. */
    private static final int[] COUNTS = {0, 1, 2, 63, 64, 65, 300, 20_000};
    /** Messages that fit the box, each different. */
    private static final int[] BOXED = {1, 2, 3, 9, 10, 11};
    private static final int DATA = 1;
    private static final int SYNC = 2;
    private static final int OTHER = 3;
    /** Long enough that a message sent meanwhile is, nearly always, still in its box afterwards. */
    private static final long SETTLE_MILLIS = 20;

    @Test
    void messagesOfEverySizeAndOneTagArriveInSendOrder() {
        int messages = 400;
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                Request[] sends = new Request[messages];
                for (int i = 0; i < messages; i++) {
                    sends[i] = comm.isend(message(i), 1, DATA);
                }
                Request.waitAll(sends);
            } else {
                int[] buf = new int[maxCount()];
                for (int i = 0; i < messages; i++) {
                    // Every form of receive that can match: the tag, ANY_TAG, ANY_SOURCE.
                    Status status = switch (i % 3) {
                        case 0 -> comm.recv(buf, 0, DATA);
                        case 1 -> comm.recv(buf, 0, ANY_TAG);
                        default -> comm.recv(buf, ANY_SOURCE, ANY_TAG);
                    };
                    assertMessage(i, buf, status, 0, DATA);
                }
            }
        });
    }

    @Test
    void receivingTagsInReverseKeepsEachTagsOrder() {
        int perTag = 60;
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                List<Request> sends = new ArrayList<>();
                for (int i = 0; i < 3 * perTag; i++) {
                    sends.add(comm.isend(message(i), 1, i % 3));
                }
                Request.waitAll(sends.toArray(Request[]::new));
            } else {
                int[] buf = new int[maxCount()];
                for (int tag = 2; tag >= 0; tag--) {
                    for (int i = tag; i < 3 * perTag; i += 3) {
                        assertMessage(i, buf, comm.recv(buf, 0, tag), 0, tag);
                    }
                }
            }
        });
    }

    @Test
    void anySourceSeesEachSendersMessagesInItsOrder() {
        int size = 5;
        int perSender = 150;
        Jobs.run(size, comm -> {
            if (comm.rank() != 0) {
                for (int i = 0; i < perSender; i++) {
                    // Mostly small, so that the box is often full when the next one goes.
                    int[] m = message(i % 7 == 6 ? 6 : 1 + i % 3);
                    m[0] = i;
                    comm.send(m, 0, comm.rank());
                }
            } else {
                int[] next = new int[size];
                int[] buf = new int[maxCount()];
                for (int n = 0; n < (size - 1) * perSender; n++) {
                    Status status = comm.recv(buf, ANY_SOURCE, ANY_TAG);
                    assertEquals(status.source(), status.tag());
                    assertEquals(next[status.source()]++, buf[0], "from rank " + status.source());
                }
                for (int r = 1; r < size; r++) {
                    assertEquals(perSender, next[r]);
                }
            }
        });
    }

    @Test
    void receivesPostedBeforeTheSendsClaimTheFirstMessagesEvenWhenTheyWaitInTheBox() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.recv(1, SYNC);
                comm.send(message(BOXED[0]), 1, DATA);
                // The first message waits in the box while rank 1 starts a third receive.
                sleep();
                sleep();
                for (int i = 1; i < BOXED.length; i++) {
                    comm.send(message(BOXED[i]), 1, DATA);
                }
            } else {
                int[] first = new int[maxCount()];
                int[] second = new int[maxCount()];
                Request r0 = comm.irecv(first, 0, DATA);
                Request r1 = comm.irecv(second, ANY_SOURCE, DATA);
                comm.send("go", 0, SYNC);
                sleep();
                // Posted after the sends: the messages that the two posted receives did not take.
                int[] buf = new int[maxCount()];
                for (int i = 2; i < BOXED.length; i++) {
                    assertMessage(BOXED[i], buf, comm.recv(buf, 0, DATA), 0, DATA);
                }
                assertMessage(BOXED[0], first, r0.waitFor(), 0, DATA);
                assertMessage(BOXED[1], second, r1.waitFor(), 0, DATA);
            }
        });
    }

    @Test
    void aLaterMessageInTheRingDoesNotOvertakeAndAFullRingOverflowsInOrder() {
        // 3 messages stay in the ring; 21 fill it more than twice, so most go by the mailbox.
        int[] phases = {3, 21};
        Jobs.run(2, comm -> {
            for (int messages : phases) {
                if (comm.rank() == 0) {
                    comm.recv(1, SYNC);
                    for (int i = 0; i < messages; i++) {
                        comm.send(new int[] {i}, 1, i == 0 ? DATA : OTHER);
                    }
                } else {
                    comm.send("go", 0, SYNC);
                    sleep();
                    int[] buf = new int[1];
                    // The oldest message has the other tag: the later ones come first, in order.
                    for (int i = 1; i < messages; i++) {
                        assertEquals(new Status(0, OTHER, 1, ElementType.INT, false), comm.recv(buf, 0, OTHER));
                        assertEquals(i, buf[0], "message " + i + " of " + messages);
                    }
                    assertEquals(new Status(0, DATA, 1, ElementType.INT, false), comm.recv(buf, ANY_SOURCE, ANY_TAG));
                    assertEquals(0, buf[0], "message 0 of " + messages);
                }
            }
        });
    }

    @Test
    void testOfAPostedReceiveTakesAMessageWaitingInTheBox() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.recv(1, SYNC);
                comm.send(message(1), 1, DATA);
                comm.ssend(new int[0], 1, SYNC);
            } else {
                int[] buf = new int[maxCount()];
                Request request = comm.irecv(buf, 0, DATA);
                comm.send("go", 0, SYNC);
                // The ssend after the message has matched: the message was sent, so test() sees it.
                comm.recv(new int[0], 0, SYNC);
                assertTrue(request.test());
                assertMessage(1, buf, request.waitFor(), 0, DATA);
            }
        });
    }

    @Test
    void probeAndIprobeSeeAMessageInTheBoxAndTheReceiveGetsThatMessage() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(message(2), 1, DATA);
                comm.send(message(1), 1, OTHER);
                comm.ssend(new int[0], 1, SYNC);
            } else {
                comm.recv(new int[0], 0, SYNC);
                Optional<Status> seen = comm.iprobe(0, OTHER);
                assertTrue(seen.isPresent(), "a message sent before a matched ssend has arrived");
                assertEquals(new Status(0, OTHER, 1, ElementType.INT, false), seen.get());
                assertEquals(new Status(0, DATA, 2, ElementType.INT, false), comm.probe(ANY_SOURCE, ANY_TAG));
                int[] buf = new int[maxCount()];
                assertMessage(2, buf, comm.recv(buf, ANY_SOURCE, ANY_TAG), 0, DATA);
                assertMessage(1, buf, comm.recv(buf, 0, ANY_TAG), 0, OTHER);
                assertFalse(comm.iprobe(ANY_SOURCE, ANY_TAG).isPresent());
            }
        });
    }

    @Test
    void aReceiveThatAMessageInTheBoxMatchesDoesNotCancel() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.recv(1, SYNC);
                comm.send(message(1), 1, DATA);
                comm.ssend(new int[0], 1, SYNC);
            } else {
                int[] buf = new int[maxCount()];
                Request request = comm.irecv(buf, 0, DATA);
                comm.send("go", 0, SYNC);
                sleep();
                comm.recv(new int[0], 0, SYNC);
                assertFalse(request.cancel(), "the message had arrived: the receive matched it");
                Status status = request.waitFor();
                assertFalse(status.cancelled());
                assertMessage(1, buf, status, 0, DATA);
            }
        });
    }

    @Test
    void synchronousSendsAndSendrecvKeepTheOrderOfSmallMessages() {
        Jobs.run(2, comm -> {
            int other = 1 - comm.rank();
            int[] buf = new int[maxCount()];
            if (comm.rank() == 0) {
                comm.send(message(1), 1, DATA);
                comm.ssend(message(2), 1, DATA);
                comm.send(message(3), 1, DATA);
            } else {
                sleep();
                for (int i = 1; i <= 3; i++) {
                    assertMessage(i, buf, comm.recv(buf, 0, DATA), 0, DATA);
                }
            }
            int[] in = new int[maxCount()];
            for (int i = 0; i < 50; i++) {
                int[] out = message(i % COUNTS.length);
                Status status = comm.sendrecv(out, 0, out.length, other, DATA, in, 0, in.length, other, DATA);
                assertMessage(i % COUNTS.length, in, status, other, DATA);
            }
        });
    }

    @Test
    void typeMismatchAndTruncationOfBoxMessagesRaiseTheMailboxPathsErrors() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(4, 1), 1, DATA);
                comm.send(Patterns.ints(4, 2), 1, DATA);
                comm.send(Patterns.ints(4, 3), 1, DATA);
                comm.send(Patterns.ints(4, 4), 1, DATA);
                comm.send("an object", 1, DATA);
            } else {
                sleep();
                TypeMismatchException mismatch = assertThrows(TypeMismatchException.class,
                        () -> comm.recv(new long[4], 0, DATA));
                assertEquals(ElementType.INT, mismatch.messageType());
                assertEquals(ElementType.LONG, mismatch.expectedType());
                TruncationException truncation = assertThrows(TruncationException.class,
                        () -> comm.recv(new int[3], 0, DATA));
                assertEquals(ErrorClass.TRUNCATE, truncation.errorClass());
                assertThrows(TypeMismatchException.class, () -> comm.recv(0, DATA));
                Request request = comm.irecv(new int[2], 0, DATA);
                assertThrows(TruncationException.class, request::waitFor);
                assertThrows(TypeMismatchException.class, () -> comm.recv(new int[4], 0, DATA));
            }
        });
    }

    @Test
    void communicatorsOnOtherContextsDoNotTakeEachOthersBoxMessages() {
        Jobs.run(3, comm -> {
            Comm dup = new SubComm(comm, 2, new int[] {0, 1, 2});
            Comm reversed = new SubComm(comm, 4, new int[] {2, 1, 0});
            if (comm.rank() == 0) {
                dup.send(message(1), 1, DATA);
                comm.send(message(2), 1, DATA);
                reversed.send(message(3), 1, DATA);
                comm.send(message(4), 1, DATA);
            } else if (comm.rank() == 1) {
                sleep();
                int[] buf = new int[maxCount()];
                assertMessage(3, buf, reversed.recv(buf, ANY_SOURCE, ANY_TAG), 2, DATA);
                assertMessage(2, buf, comm.recv(buf, ANY_SOURCE, ANY_TAG), 0, DATA);
                assertMessage(1, buf, dup.recv(buf, 0, DATA), 0, DATA);
                assertMessage(4, buf, comm.recv(buf, 0, DATA), 0, DATA);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void everyElementTypeFitsTheBoxUpToItsEdgeAndGoesByMailboxBeyond(ArrayKind kind) {
        int edge = 256 / kind.type.bytes();
        int word = 8 / kind.type.bytes();
        // Packed into the box's header up to 8 bytes, in its buffer up to 256, by mailbox beyond.
        int[] counts = IntStream.of(0, 1, word, word + 1, edge - 1, edge, edge + 1).distinct().toArray();
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                for (int count : counts) {
                    kind.send(comm, kind.pattern(count + 3, count), 3, count, 1, count);
                }
            } else {
                sleep();
                // Newest first: the older ones wait in the mailbox, the last small one in the box.
                for (int i = counts.length - 1; i >= 0; i--) {
                    int count = counts[i];
                    Object got = kind.pattern(count + 5, -1);
                    Object before = ArrayKind.copyOf(got);
                    Status status = kind.recv(comm, got, 2, count + 3, 0, count);
                    assertEquals(new Status(0, count, count, kind.type, false), status);
                    assertEquals(ArrayKind.boxed(ArrayKind.expected(before, kind.pattern(count + 3, count), 3, 2, count)),
                            ArrayKind.boxed(got), kind + ", " + count + " elements");
                }
            }
        });
    }

    @Test
    void aBoxMessageThatMatchesNoReceiveDoesNotHideADeadlock() {
        for (WaitPolicy policy : WaitPolicy.values()) {
            JobResult result = Jobs.result(2, Settings.defaults().withWaitPolicy(policy), comm -> {
                if (comm.rank() == 0) {
                    comm.send(message(1), 1, OTHER);
                    comm.recv(new int[1], 1, DATA);
                } else {
                    comm.recv(new int[1], 0, DATA);
                }
            });
            assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), () -> policy + ": " + result.describe());
            DeadlockException e = assertInstanceOf(DeadlockException.class, result.cause());
            assertTrue(e.report().contains("rank 1: recv(source=0, tag=" + DATA), e::report);
        }
    }

    @Test
    void noFalseDeadlockWhileParkedRanksTakeInBoxMessages() {
        // Parked ping-pong: each message wakes a parked rank, which empties the box while the other
        // rank parks and runs the deadlock check. A check that read the wait before the box could
        // see neither the message nor its receive complete (a fresh JVM showed it about once in
        // 100 000 round trips); this is the stress that would show it again.
        Settings park = Settings.defaults().withWaitPolicy(WaitPolicy.PARK);
        for (int job = 0; job < 40; job++) {
            Jobs.run(2, park, comm -> {
                int other = 1 - comm.rank();
                byte[] ball = new byte[8];
                for (int i = 0; i < 5000; i++) {
                    if (comm.rank() == 0) {
                        ball[0] = (byte) i;
                        comm.send(ball, other, 0);
                        comm.recv(ball, other, 0);
                        assertEquals((byte) (i + 1), ball[0]);
                    } else {
                        comm.recv(ball, other, 0);
                        ball[0]++;
                        comm.send(ball, other, 0);
                    }
                }
            });
        }
    }

    @Test
    void aRankWaitingOnItsBoxIsReleasedWhenThePeerFails() {
        for (WaitPolicy policy : WaitPolicy.values()) {
            JobResult result = Jobs.result(2, Settings.defaults().withWaitPolicy(policy), comm -> {
                if (comm.rank() == 0) {
                    comm.send(message(1), 1, OTHER);
                    throw new IllegalStateException("rank 0 gives up");
                }
                comm.recv(new int[1], 0, DATA);
            });
            assertEquals(JobResult.Outcome.FAILED, result.outcome(), () -> policy + ": " + result.describe());
            assertEquals(0, result.rank());
        }
    }

    /** Message {@code i}: {@code COUNTS[i % COUNTS.length]} ints, the first of them {@code i} when there is one. */
    private static int[] message(int i) {
        int count = COUNTS[i % COUNTS.length];
        int[] m = Patterns.ints(count, i);
        if (count > 0) {
            m[0] = i;
        }
        return m;
    }

    private static void assertMessage(int i, int[] buf, Status status, int source, int tag) {
        int[] expected = message(i);
        assertEquals(new Status(source, tag, expected.length, ElementType.INT, false), status, "message " + i);
        assertArrayEquals(expected, Arrays.copyOf(buf, expected.length), "message " + i);
    }

    private static int maxCount() {
        return Arrays.stream(COUNTS).max().orElseThrow();
    }

    private static void sleep() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A communicator over some world ranks on a chosen context, as split and dup make them. */
    private static final class SubComm extends Comm {
        SubComm(Comm world, int context, int[] ranks) {
            super(world, context, ranks);
        }
    }
}
