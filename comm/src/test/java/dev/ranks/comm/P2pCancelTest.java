package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import org.junit.jupiter.api.Test;

/** cancel(): an unmatched receive cancels; a matched receive and any send do not. */
class P2pCancelTest {
    private static final int DATA = 1;
    private static final int GO = 2;

    @Test
    void unmatchedReceiveCancelsAndLeavesTheNextMessageForTheNextReceive() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                int[] buf = {-1, -1};
                Request request = comm.irecv(buf, 1, DATA);
                assertTrue(request.cancel(), "nothing was sent: the receive is unmatched");
                assertTrue(request.test());
                Status status = request.waitFor();
                assertTrue(status.cancelled());
                assertArrayEquals(new int[] {-1, -1}, buf);

                ObjectRequest<String> objectRequest = comm.irecv(1, DATA);
                assertTrue(objectRequest.cancel());
                assertTrue(objectRequest.waitFor().cancelled());
                assertNull(objectRequest.get());

                comm.send("go", 1, GO);
                int[] got = new int[2];
                assertEquals(new Status(1, DATA, 2, ElementType.INT, false), comm.recv(got, 1, DATA));
                assertArrayEquals(Patterns.ints(2, 1), got);
                assertEquals("after", comm.recv(1, DATA));
                assertArrayEquals(new int[] {-1, -1}, buf, "a cancelled receive must never be filled");
            } else {
                assertEquals("go", comm.recv(0, GO));
                comm.send(Patterns.ints(2, 1), 0, DATA);
                comm.send("after", 0, DATA);
            }
        });
    }

    @Test
    void matchedReceiveDoesNotCancel() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                int[] buf = new int[4];
                Request waited = comm.irecv(buf, 1, DATA);
                ObjectRequest<String> pending = comm.irecv(1, DATA + 1);
                comm.send("go", 1, GO);
                assertEquals(4, waited.waitFor().count());
                assertFalse(waited.cancel(), "a completed receive cannot be cancelled");
                assertFalse(waited.waitFor().cancelled());
                assertArrayEquals(Patterns.ints(4, 2), buf);

                assertEquals("sent", comm.recv(1, GO));
                assertTrue(Eventually.holds(pending::test));
                assertFalse(pending.cancel(), "a matched receive cannot be cancelled");
                assertFalse(pending.waitFor().cancelled());
                assertEquals("payload", pending.get());
            } else {
                assertEquals("go", comm.recv(0, GO));
                comm.send(Patterns.ints(4, 2), 0, DATA);
                comm.send("payload", 0, DATA + 1);
                comm.send("sent", 0, GO);
            }
        });
    }

    @Test
    void sendsDoNotCancel() {
        Jobs.run(2, Settings.defaults().withEagerLimit(1024), comm -> {
            if (comm.rank() == 0) {
                Request eager = comm.isend(Patterns.ints(4, 1), 1, DATA);
                assertFalse(eager.cancel(), "cancelling a send returns false");
                Request rendezvous = comm.isend(Patterns.ints(10_000, 2), 1, DATA);
                assertFalse(rendezvous.cancel(), "cancelling a send returns false");
                Request object = comm.isend("object", 1, DATA);
                assertFalse(object.cancel(), "cancelling a send returns false");
                comm.send("go", 1, GO);
                Request.waitAll(eager, rendezvous, object);
                assertFalse(rendezvous.waitFor().cancelled());
            } else {
                assertEquals("go", comm.recv(0, GO));
                int[] small = new int[4];
                comm.recv(small, 0, DATA);
                assertArrayEquals(Patterns.ints(4, 1), small, "the send was delivered despite cancel()");
                int[] large = new int[10_000];
                comm.recv(large, 0, DATA);
                assertArrayEquals(Patterns.ints(10_000, 2), large, "the send was delivered despite cancel()");
                assertEquals("object", comm.recv(0, DATA));
            }
        });
    }
}
