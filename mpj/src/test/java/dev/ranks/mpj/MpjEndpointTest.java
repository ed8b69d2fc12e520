package dev.ranks.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mpi.MPI;
import org.junit.jupiter.api.Test;

/** Which frame receives a rank of the mpj device keeps posted, by job size and MPJ device. */
class MpjEndpointTest {
    @Test
    void onlyHybdevPollsItsWildcardReceives() {
        assertTrue(MpjEndpoint.wildcardsPoll("hybdev"));
        assertFalse(MpjEndpoint.wildcardsPoll("niodev"));
        assertFalse(MpjEndpoint.wildcardsPoll("smpdev"));
        assertFalse(MpjEndpoint.wildcardsPoll(""));
    }

    @Test
    void aTwoRankJobNamesThePeerOnEveryDevice() {
        assertEquals(List.of(1), MpjEndpoint.inboxSources(0, 2, false));
        assertEquals(List.of(0), MpjEndpoint.inboxSources(1, 2, true));
    }

    @Test
    void largerJobsReceiveOnAnySourceWhereThatBlocks() {
        assertEquals(List.of(MPI.ANY_SOURCE), MpjEndpoint.inboxSources(2, 5, false));
        assertEquals(List.of(MPI.ANY_SOURCE), MpjEndpoint.inboxSources(0, 1, false));
    }

    @Test
    void whereWildcardsPollEveryPeerHasAReceiveOfItsOwn() {
        assertEquals(List.of(0, 1, 3, 4), MpjEndpoint.inboxSources(2, 5, true));
        assertEquals(List.of(), MpjEndpoint.inboxSources(0, 1, true));
    }
}
