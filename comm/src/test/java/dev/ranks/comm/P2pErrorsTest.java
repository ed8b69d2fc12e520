package dev.ranks.comm;

import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Errors a rank gets back from one call, without ending the job: truncation, type mismatch, bad
 * ranks, tags, offsets and counts. Each names the bad value and carries the rank.
 */
class P2pErrorsTest {
    private static final int DATA = 1;
    private static final int GO = 2;

    @Test
    void truncationNamesBothSizes() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(10, 1), 1, DATA);
                comm.send(Patterns.ints(10, 2), 1, DATA);
                comm.send(Patterns.ints(10, 3), 1, DATA);
                comm.send(Patterns.ints(10, 4), 1, DATA);
            } else {
                TruncationException whole = assertThrows(TruncationException.class,
                        () -> comm.recv(new int[4], 0, DATA));
                assertTruncation(whole, 10, 4, 1);

                TruncationException slice = assertThrows(TruncationException.class,
                        () -> comm.recv(new int[100], 50, 7, 0, DATA));
                assertTruncation(slice, 10, 7, 1);

                Request request = comm.irecv(new int[9], ANY_SOURCE, ANY_TAG);
                assertTruncation(assertThrows(TruncationException.class, request::waitFor), 10, 9, 1);

                int[] exact = new int[10];
                assertEquals(10, comm.recv(exact, 0, DATA).count(), "a truncated receive consumes its message");
                assertArrayEquals(Patterns.ints(10, 4), exact);
            }
        });
    }

    @Test
    void waitAllWaitsForEveryRequestThenThrowsTheTruncation() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.bytes(8, 1), 1, DATA);
                comm.send(Patterns.bytes(2, 2), 1, DATA + 1);
            } else {
                byte[] small = new byte[2];
                byte[] fits = new byte[2];
                Request truncated = comm.irecv(small, 0, DATA);
                Request fine = comm.irecv(fits, 0, DATA + 1);
                assertTruncation(assertThrows(TruncationException.class, () -> Request.waitAll(truncated, fine)),
                        8, 2, 1);
                assertTrue(fine.test(), "waitAll must wait for every request even when one fails");
                assertArrayEquals(Patterns.bytes(2, 2), fits);
            }
        });
    }

    @Test
    void truncatingARendezvousMessageStillReleasesItsSender() {
        Jobs.run(2, Settings.defaults().withEagerLimit(1024), comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(100_000, 1), 1, DATA);
                comm.send(Patterns.ints(3, 2), 1, DATA);
            } else {
                assertTruncation(assertThrows(TruncationException.class, () -> comm.recv(new int[10], 0, DATA)),
                        100_000, 10, 1);
                int[] next = new int[3];
                comm.recv(next, 0, DATA);
                assertArrayEquals(Patterns.ints(3, 2), next);
            }
        });
    }

    @Test
    void errorsReachReceivesPostedBeforeTheMessageArrived() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 1) {
                Request wrongType = comm.irecv(new double[4], 0, DATA);
                Request tooSmall = comm.irecv(new int[2], 0, DATA);
                ObjectRequest<Object> arrayAsObject = comm.irecv(0, DATA);
                comm.send("posted", 0, GO);
                assertMismatch(assertThrows(TypeMismatchException.class, wrongType::waitFor), ElementType.INT,
                        ElementType.DOUBLE);
                assertTruncation(assertThrows(TruncationException.class, tooSmall::waitFor), 5, 2, 1);
                assertMismatch(assertThrows(TypeMismatchException.class, arrayAsObject::get), ElementType.LONG,
                        ElementType.OBJECT);
            } else {
                assertEquals("posted", comm.recv(1, GO));
                comm.send(new int[3], 1, DATA);
                comm.send(new int[5], 1, DATA);
                comm.send(new long[1], 1, DATA);
            }
        });
    }

    private static void assertTruncation(TruncationException e, int message, int buffer, int rank) {
        assertEquals(message, e.messageCount());
        assertEquals(buffer, e.bufferCount());
        assertEquals(ErrorClass.TRUNCATE, e.errorClass());
        assertEquals(rank, e.rank());
        assertNamesValue(e.getMessage(), message);
        assertNamesValue(e.getMessage(), buffer);
    }

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void typeMismatchNamesBothTypes(ArrayKind sent) {
        ArrayKind expected = ArrayKind.values()[(sent.ordinal() + 1) % ArrayKind.values().length];
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                sent.send(comm, sent.pattern(3, 1), 1, DATA);
                sent.send(comm, sent.pattern(3, 1), 1, DATA);
            } else {
                TypeMismatchException e = assertThrows(TypeMismatchException.class,
                        () -> expected.recv(comm, expected.pattern(3, 0), 0, DATA));
                assertMismatch(e, sent.type, expected.type);
                TypeMismatchException asObject = assertThrows(TypeMismatchException.class, () -> comm.recv(0, DATA));
                assertMismatch(asObject, sent.type, ElementType.OBJECT);
            }
        });
    }

    @Test
    void intArrayReceivedAsDoubleArrayNamesBoth() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(new int[] {1, 2}, 1, DATA);
            } else {
                TypeMismatchException e = assertThrows(TypeMismatchException.class,
                        () -> comm.recv(new double[2], 0, DATA));
                assertTrue(e.getMessage().contains("int[]") && e.getMessage().contains("double[]"), e.getMessage());
            }
        });
    }

    @Test
    void objectReceivedAsArrayIsATypeMismatch() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send("text", 1, DATA);
                comm.send((Object) new int[] {1, 2}, 1, DATA);
                comm.send("still here", 1, DATA);
            } else {
                TypeMismatchException e = assertThrows(TypeMismatchException.class,
                        () -> comm.recv(new int[4], 0, DATA));
                assertMismatch(e, ElementType.OBJECT, ElementType.INT);
                Request request = comm.irecv(new int[4], 0, DATA);
                assertMismatch(assertThrows(TypeMismatchException.class, request::waitFor), ElementType.OBJECT,
                        ElementType.INT);
                assertEquals("still here", comm.recv(0, DATA));
            }
        });
    }

    private static void assertMismatch(TypeMismatchException e, ElementType message, ElementType expected) {
        assertEquals(message, e.messageType());
        assertEquals(expected, e.expectedType());
        assertEquals(ErrorClass.TYPE, e.errorClass());
        assertEquals(1, e.rank());
        assertTrue(e.getMessage().contains(message.description()), e.getMessage());
        assertTrue(e.getMessage().contains(expected.description()), e.getMessage());
    }

    @Test
    void ranksOutOfRangeAreRankErrorsNamingTheValue() {
        Jobs.run(3, comm -> {
            if (comm.rank() == 0) {
                int[] buf = new int[2];
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.send(buf, 3, DATA));
                assertArgumentError(ErrorClass.RANK, -5, () -> comm.send(buf, 0, 1, -5, DATA));
                assertArgumentError(ErrorClass.RANK, ANY_SOURCE, () -> comm.send(buf, ANY_SOURCE, DATA));
                assertArgumentError(ErrorClass.RANK, 7, () -> comm.ssend(buf, 7, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.isend(buf, 3, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.send("x", 3, DATA));
                assertArgumentError(ErrorClass.RANK, 4, () -> comm.isend("x", 4, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.recv(buf, 3, DATA));
                assertArgumentError(ErrorClass.RANK, -9, () -> comm.recv(buf, 0, 2, -9, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.irecv(buf, 3, DATA));
                assertArgumentError(ErrorClass.RANK, 12, () -> comm.recv(12, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.irecv(3, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.probe(3, DATA));
                assertArgumentError(ErrorClass.RANK, -4, () -> comm.iprobe(-4, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.sendrecv(buf, 0, 2, 3, DATA, buf, 0, 2, 1, DATA));
                assertArgumentError(ErrorClass.RANK, 5, () -> comm.sendrecv(buf, 0, 2, 1, DATA, buf, 0, 2, 5, DATA));
                assertArgumentError(ErrorClass.RANK, 3, () -> comm.sendrecvReplace(buf, 0, 2, 3, DATA, 1, DATA));
                assertArgumentError(ErrorClass.RANK, 6, () -> comm.sendrecv("x", 1, DATA, 6, DATA));
                comm.send("done", 1, GO);
            } else if (comm.rank() == 1) {
                Received<String> first = comm.recvWithStatus(0, ANY_TAG);
                assertEquals("done", first.value(), "a rejected call must send nothing");
            }
        });
    }

    @Test
    void negativeTagsAreTagErrorsNamingTheValue() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                double[] buf = new double[2];
                assertArgumentError(ErrorClass.TAG, -3, () -> comm.send(buf, 1, -3));
                assertArgumentError(ErrorClass.TAG, ANY_TAG, () -> comm.send(buf, 1, ANY_TAG));
                assertArgumentError(ErrorClass.TAG, -2, () -> comm.ssend(buf, 0, 1, 1, -2));
                assertArgumentError(ErrorClass.TAG, -8, () -> comm.isend(buf, 1, -8));
                assertArgumentError(ErrorClass.TAG, -3, () -> comm.send("x", 1, -3));
                assertArgumentError(ErrorClass.TAG, -5, () -> comm.recv(buf, 1, -5));
                assertArgumentError(ErrorClass.TAG, -5, () -> comm.irecv(buf, 1, -5));
                assertArgumentError(ErrorClass.TAG, -5, () -> comm.recv(1, -5));
                assertArgumentError(ErrorClass.TAG, -6, () -> comm.probe(1, -6));
                assertArgumentError(ErrorClass.TAG, -6, () -> comm.iprobe(ANY_SOURCE, -6));
                assertArgumentError(ErrorClass.TAG, -7, () -> comm.sendrecv(buf, 0, 2, 1, -7, buf, 0, 2, 1, DATA));
                assertArgumentError(ErrorClass.TAG, -7, () -> comm.sendrecv(buf, 0, 2, 1, DATA, buf, 0, 2, 1, -7));
                assertArgumentError(ErrorClass.TAG, ANY_TAG, () -> comm.sendrecvReplace(buf, 0, 2, 1, ANY_TAG, 1, 0));
                comm.send("done", 1, GO);
            } else {
                Received<String> first = comm.recvWithStatus(0, ANY_TAG);
                assertEquals("done", first.value(), "a rejected call must send nothing");
            }
        });
    }

    @Test
    void badOffsetsAndCountsAreCountErrorsNamingTheValue() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                long[] buf = new long[5];
                assertArgumentError(ErrorClass.COUNT, -1, () -> comm.send(buf, -1, 2, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, -2, () -> comm.send(buf, 0, -2, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 6, () -> comm.send(buf, 0, 6, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 4, () -> comm.isend(buf, 4, 2, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, Integer.MAX_VALUE,
                        () -> comm.ssend(buf, Integer.MAX_VALUE, 1, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 3, () -> comm.recv(buf, 3, 3, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, -1, () -> comm.irecv(buf, 0, -1, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 9, () -> comm.sendrecv(buf, 0, 9, 1, DATA, buf, 0, 1, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 9, () -> comm.sendrecv(buf, 0, 1, 1, DATA, buf, 0, 9, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 8, () -> comm.sendrecvReplace(buf, 8, 0, 1, DATA, 1, DATA));
                assertArgumentError(ErrorClass.COUNT, 6, () -> comm.send(buf, 0, 6, Comm.PROC_NULL, DATA));
                comm.send("done", 1, GO);
            } else {
                Received<String> first = comm.recvWithStatus(0, ANY_TAG);
                assertEquals("done", first.value(), "a rejected call must send nothing");
            }
        });
    }

    private static void assertArgumentError(ErrorClass errorClass, int value, Executable call) {
        RanksException e = assertThrows(RanksException.class, call);
        assertEquals(errorClass, e.errorClass(), e.getMessage());
        assertEquals(0, e.rank(), "the error carries the rank that made the call");
        assertNamesValue(e.getMessage(), value);
    }

    private static void assertNamesValue(String message, int value) {
        Pattern number = Pattern.compile("(?<![\\d-])" + Pattern.quote(Integer.toString(value)) + "(?!\\d)");
        assertTrue(number.matcher(message).find(), () -> "message should name " + value + ": " + message);
    }
}
