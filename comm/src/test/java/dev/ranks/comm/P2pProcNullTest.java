package dev.ranks.comm;

import static dev.ranks.comm.ArrayKind.boxed;
import static dev.ranks.comm.ArrayKind.copyOf;
import static dev.ranks.comm.Comm.PROC_NULL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PROC_NULL: every operation with it completes at once; receives yield the empty status and no data. */
class P2pProcNullTest {

    @Test
    void emptyStatusHasNoSourceAndNoElements() {
        assertEquals(PROC_NULL, Status.empty().source());
        assertEquals(0, Status.empty().count());
        assertFalse(Status.empty().cancelled());
    }

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void arrayOperationsWithProcNullCompleteAtOnce(ArrayKind kind) {
        Jobs.run(1, comm -> {
            Object buf = kind.pattern(6, 3);
            Object before = copyOf(buf);
            kind.send(comm, buf, PROC_NULL, 0);
            kind.send(comm, buf, 1, 2, PROC_NULL, 0);
            kind.ssend(comm, buf, PROC_NULL, 0);
            kind.ssend(comm, buf, 1, 2, PROC_NULL, 0);
            assertEquals(Status.empty(), kind.recv(comm, buf, PROC_NULL, 0));
            assertEquals(Status.empty(), kind.recv(comm, buf, 1, 2, PROC_NULL, Comm.ANY_TAG));
            Request[] requests = {kind.isend(comm, buf, PROC_NULL, 0), kind.isend(comm, buf, 0, 6, PROC_NULL, 0),
                kind.irecv(comm, buf, PROC_NULL, 0), kind.irecv(comm, buf, 2, 3, PROC_NULL, 0)};
            for (Request request : requests) {
                assertTrue(request.test(), "a request with PROC_NULL is complete from the start");
            }
            Status[] statuses = Request.waitAll(requests);
            assertEquals(Status.empty(), statuses[2]);
            assertEquals(Status.empty(), statuses[3]);
            assertEquals(Status.empty(), kind.sendrecv(comm, kind.pattern(6, 4), 0, 6, PROC_NULL, 0, buf, 0, 6,
                    PROC_NULL, 0));
            assertEquals(Status.empty(), kind.sendrecvReplace(comm, buf, 0, 6, PROC_NULL, 0, PROC_NULL, 0));
            assertEquals(boxed(before), boxed(buf), "nothing may be written by a receive from PROC_NULL");
        });
    }

    @Test
    void objectOperationsWithProcNullCompleteAtOnce() {
        Jobs.run(2, comm -> {
            comm.send("lost", PROC_NULL, 0);
            comm.ssend("lost", PROC_NULL, 0);
            assertTrue(comm.isend("lost", PROC_NULL, 0).test());
            assertNull(comm.recv(PROC_NULL, 0));
            Received<Object> received = comm.recvWithStatus(PROC_NULL, Comm.ANY_TAG);
            assertNull(received.value());
            assertEquals(Status.empty(), received.status());
            ObjectRequest<String> request = comm.irecv(PROC_NULL, 3);
            assertTrue(request.test());
            assertNull(request.get());
            assertEquals(Status.empty(), request.waitFor());
            assertNull(comm.sendrecv("lost", PROC_NULL, 0, PROC_NULL, 0));
            assertEquals(Status.empty(), comm.probe(PROC_NULL, 0));
            assertEquals(Optional.of(Status.empty()), comm.iprobe(PROC_NULL, Comm.ANY_TAG));
            assertFalse(request.cancel(), "a completed request cannot be cancelled");
        });
    }

    @ParameterizedTest
    @CommSizes
    void openChainShiftsWithProcNullAtBothEnds(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int up = rank + 1 < size ? rank + 1 : PROC_NULL;
            int down = rank > 0 ? rank - 1 : PROC_NULL;
            int[] got = {-7, -7, -7};
            Status status = comm.sendrecv(Patterns.ints(3, rank), 0, 3, up, 1, got, 0, 3, down, 1);
            if (down == PROC_NULL) {
                assertEquals(Status.empty(), status);
                assertArrayEquals(new int[] {-7, -7, -7}, got);
            } else {
                assertEquals(new Status(down, 1, 3, ElementType.INT, false), status);
                assertArrayEquals(Patterns.ints(3, down), got);
            }
            String note = comm.sendrecv("from " + rank, down, 2, up, 2);
            assertEquals(up == PROC_NULL ? null : "from " + up, note);
        });
    }
}
