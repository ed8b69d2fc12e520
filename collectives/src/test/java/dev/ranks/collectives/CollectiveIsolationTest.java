package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ObjectRequest;
import dev.ranks.comm.Request;
import dev.ranks.comm.Status;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Collective traffic never matches user point-to-point messages on the same communicator, whatever
 * algorithm runs: not a receive the user posted for {@link Comm#ANY_SOURCE} and {@link Comm#ANY_TAG}
 * before the collectives, and not user messages already waiting with the very tags, element type
 * and counts the collectives use.
 */
class CollectiveIsolationTest {
    private static final int USER_TAG = 7;
    private static final int PENDING = 10;
    private static final Collective[] ROOTED = {Collective.BARRIER, Collective.BCAST, Collective.SCATTER,
        Collective.GATHER};

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void aWildcardReceivePostedBeforeCollectivesGetsOnlyTheUserMessage(int size) {
        for (Map<String, String> algorithms : combinations()) {
            IntracommJobs.run(size, algorithms, comm -> {
                int rank = comm.rank();
                int left = (rank - 1 + size) % size;
                // Even ranks wait for an object, odd ranks for an int[]: both kinds of receive.
                ObjectRequest<String> object = rank % 2 == 0 ? comm.irecv(Comm.ANY_SOURCE, Comm.ANY_TAG) : null;
                int[] box = new int[2000];
                Request ints = rank % 2 == 1 ? comm.irecv(box, Comm.ANY_SOURCE, Comm.ANY_TAG) : null;

                everyRootedCollective(comm, algorithms);
                Request pending = object != null ? object : ints;
                assertFalse(pending.test(), algorithms + ": a wildcard user receive matched a collective's message");

                // Every rank has checked before any user message is sent.
                comm.barrier();
                int right = (rank + 1) % size;
                if (right % 2 == 0) {
                    comm.send("user " + rank, right, USER_TAG);
                } else {
                    comm.send(Patterns.ints(5, rank), right, USER_TAG);
                }
                Status status;
                if (object != null) {
                    assertEquals("user " + left, object.get());
                    status = object.waitFor();
                } else {
                    status = ints.waitFor();
                    assertEquals(5, status.count());
                    assertArrayEquals(Patterns.ints(5, left), Arrays.copyOf(box, 5));
                }
                assertEquals(left, status.source());
                assertEquals(USER_TAG, status.tag());
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void userMessagesWaitingWithCollectiveTagsAreLeftAlone(int size) {
        for (Map<String, String> algorithms : combinations()) {
            IntracommJobs.run(size, algorithms, comm -> {
                int rank = comm.rank();
                int right = (rank + 1) % size;
                int left = (rank - 1 + size) % size;
                // The collectives' own tags count up from 0 and they move int[] of these counts too.
                for (int tag = 0; tag < PENDING; tag++) {
                    comm.send(Patterns.ints(7, 1000 + rank * PENDING + tag), right, tag);
                }
                everyRootedCollective(comm, algorithms);
                for (int tag = 0; tag < PENDING; tag++) {
                    int[] got = new int[7];
                    Status status = comm.recv(got, left, tag);
                    assertEquals(7, status.count());
                    assertArrayEquals(Patterns.ints(7, 1000 + left * PENDING + tag), got,
                            algorithms + ": user message with tag " + tag);
                }
            });
        }
    }

    /** Barrier, bcast, scatter and gather at every root, as arrays, objects and requests, checked. */
    private static void everyRootedCollective(Intracomm comm, Map<String, String> algorithms) {
        int size = comm.size();
        int rank = comm.rank();
        comm.barrier();
        for (int root = 0; root < size; root++) {
            for (int count : new int[] {0, 7, 1025}) {
                int[] buf = rank == root ? Patterns.ints(count, root) : new int[count];
                comm.bcast(buf, root);
                assertArrayEquals(Patterns.ints(count, root), buf, algorithms + " bcast");

                int[] send = rank == root ? Patterns.ints(size * count, root) : null;
                int[] mine = new int[count];
                comm.scatter(send, mine, root);
                assertArrayEquals(Arrays.copyOfRange(Patterns.ints(size * count, root), rank * count,
                        rank * count + count), mine, algorithms + " scatter");

                int[] all = rank == root ? new int[size * count] : null;
                comm.gather(mine, all, root);
                if (rank == root) {
                    assertArrayEquals(Patterns.ints(size * count, root), all, algorithms + " gather");
                }
            }
            assertEquals("obj " + root, comm.bcast(rank == root ? "obj " + root : null, root));
            List<String> gathered = comm.gather("g" + rank, root);
            if (rank == root) {
                assertEquals(size, gathered.size());
            }
            CollectiveRequest<Void> barrier = comm.barrierAsync();
            CollectiveRequest<int[]> bcast = comm.bcastAsync(rank == root ? Patterns.ints(7, root) : new int[7], root);
            assertArrayEquals(Patterns.ints(7, root), bcast.get());
            barrier.waitFor();
        }
        comm.barrier();
    }

    /** Forced algorithm choices that between them run every algorithm of barrier, bcast, scatter and gather. */
    private static List<Map<String, String>> combinations() {
        int most = 0;
        for (Collective c : ROOTED) {
            most = Math.max(most, Algorithm.of(c).size());
        }
        List<Map<String, String>> list = new ArrayList<>();
        for (int k = 0; k < most; k++) {
            Map<String, String> choice = new HashMap<>();
            for (Collective c : ROOTED) {
                List<Algorithm> algorithms = Algorithm.of(c);
                choice.put(c.label(), algorithms.get(k % algorithms.size()).label());
            }
            list.add(choice);
        }
        return list;
    }
}
