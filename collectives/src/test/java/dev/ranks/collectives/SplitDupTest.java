package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.ObjectRequest;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * {@code split} and {@code dup} against a reference: colours and keys come from a seeded
 * {@link Random}, the same on every rank, so each rank can compute every new communicator's
 * members (ordered by key, then by rank in the parent) and check its own, then use it for
 * collectives and point-to-point messages that must stay inside it.
 */
class SplitDupTest {
    private static final int SEEDS = 4;
    private static final int TAG = 3;

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void splitAndNestedSplitMatchTheReference(int size) {
        List<Algorithm> bcasts = Algorithm.of(Collective.BCAST);
        List<Algorithm> scatters = Algorithm.of(Collective.SCATTER);
        List<Algorithm> gathers = Algorithm.of(Collective.GATHER);
        for (int k = 0; k < bcasts.size(); k++) {
            Map<String, String> algorithms = Map.of("bcast", bcasts.get(k).label(),
                    "scatter", scatters.get(k % scatters.size()).label(),
                    "gather", gathers.get(k % gathers.size()).label());
            int variant = k;
            IntracommJobs.run(size, algorithms, comm -> {
                int rank = comm.rank();
                for (int seed = 0; seed < SEEDS; seed++) {
                    Random random = new Random(1000L * seed + 100L * variant + size);
                    int[] colors = colors(random, size);
                    int[] keys = keys(random, size);
                    int[] colors2 = colors(random, size);
                    int[] keys2 = keys(random, size);
                    String what = algorithms + " seed " + seed + ", rank " + rank + " colour " + colors[rank];

                    Intracomm sub = comm.split(colors[rank], keys[rank]);
                    if (colors[rank] == Intracomm.UNDEFINED) {
                        assertNull(sub, what + ": UNDEFINED must give null");
                        continue;
                    }
                    int[] members = members(IntStream.range(0, size).toArray(), colors, keys, colors[rank]);
                    check(sub, members, rank, what);

                    Intracomm nested = sub.split(colors2[rank], keys2[rank]);
                    if (colors2[rank] == Intracomm.UNDEFINED) {
                        assertNull(nested, what + ": nested UNDEFINED must give null");
                    } else {
                        check(nested, members(members, colors2, keys2, colors2[rank]), rank,
                                what + ", nested colour " + colors2[rank]);
                    }
                    // The parent still works after its subcommunicators did.
                    check(sub, members, rank, what + " (again)");
                }
                assertEquals(size * (size - 1) / 2, (int) comm.allreduce(rank, Op.SUM));
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void dupKeepsMessagesAndCollectivesApart(int size) {
        IntracommJobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            Intracomm d1 = comm.dup();
            Intracomm d2 = comm.dup();
            assertEquals(rank, d1.rank());
            assertEquals(size, d2.size());

            // One tag on three communicators, the duplicates' messages sent first.
            d1.send("d1 " + rank, right, TAG);
            d2.send("d2 " + rank, right, TAG);
            comm.send("world " + rank, right, TAG);
            assertEquals("world " + left, comm.recv(Comm.ANY_SOURCE, Comm.ANY_TAG));
            assertEquals("d2 " + left, d2.recv(Comm.ANY_SOURCE, Comm.ANY_TAG));
            assertEquals("d1 " + left, d1.recv(Comm.ANY_SOURCE, Comm.ANY_TAG));

            // Fresh duplicates number their collectives alike, so these two carry the same tag.
            for (int root = 0; root < size; root++) {
                int[] a = rank == root ? Patterns.ints(9, 1) : new int[9];
                int[] b = rank == root ? Patterns.ints(9, 2) : new int[9];
                CollectiveRequest<int[]> first = d1.bcastAsync(a, root);
                CollectiveRequest<int[]> second = d2.bcastAsync(b, root);
                assertArrayEquals(Patterns.ints(9, 2), second.get(), "d2's bcast from " + root);
                assertArrayEquals(Patterns.ints(9, 1), first.get(), "d1's bcast from " + root);
            }

            // A wildcard receive on a duplicate sees none of the parent's or the other duplicate's traffic.
            ObjectRequest<String> pending = d1.irecv(Comm.ANY_SOURCE, Comm.ANY_TAG);
            comm.barrier();
            assertEquals("w", comm.bcast(rank == 0 ? "w" : null, 0));
            List<Integer> gathered = d2.gather(rank, size - 1);
            assertEquals(rank == size - 1 ? IntStream.range(0, size).boxed().toList() : null, gathered);
            comm.send("p2p on world", right, TAG);
            assertEquals("p2p on world", comm.recv(left, TAG));
            assertFalse(pending.test(), "a receive on a duplicate matched traffic of another communicator");
            comm.barrier();
            d1.send("for d1", right, TAG + 1);
            assertEquals("for d1", pending.get());
            assertEquals(left, pending.waitFor().source());

            // A split of a duplicate, and a duplicate of that split.
            Intracomm half = d1.split(rank % 2, -rank);
            Intracomm halfDup = half.dup();
            int[] members = IntStream.range(0, size).filter(r -> r % 2 == rank % 2).boxed()
                    .sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
            check(halfDup, members, rank, "dup of a split of a dup");
            check(half, members, rank, "split of a dup");
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3})
    void aNegativeColourOtherThanUndefinedFails(int size) {
        JobResult result = Jobs.result(size, Settings.defaults(), comm -> ((Intracomm) comm).split(-5, 0),
                Intracomm.binder(), Jobs.TIMEOUT);
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), "expected the job to fail: " + result);
        RanksException e = assertInstanceOf(RanksException.class, result.cause());
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("split color -5"), e.getMessage());
    }

    /**
     * Checks a new communicator whose members, as world ranks in the order of their new ranks, are
     * {@code members}: its size and this rank's place, then collectives and a ring of
     * point-to-point messages on it, whose contents show any message from another communicator.
     */
    private static void check(Intracomm sub, int[] members, int me, String what) {
        int n = members.length;
        int r = sub.rank();
        assertEquals(n, sub.size(), what + ": size");
        assertEquals(indexOf(members, me), r, what + ": rank (members " + Arrays.toString(members) + ")");

        List<Integer> gathered = sub.gather(me, 0);
        if (r == 0) {
            assertEquals(Arrays.stream(members).boxed().toList(), gathered, what + ": gather");
        }
        int[] buf = r == n - 1 ? members.clone() : new int[n];
        sub.bcast(buf, n - 1);
        assertArrayEquals(members, buf, what + ": bcast");
        int[] mine = new int[1];
        sub.scatter(r == n / 2 ? members.clone() : null, mine, n / 2);
        assertEquals(me, mine[0], what + ": scatter");
        assertEquals(Arrays.stream(members).sum(), (int) sub.allreduce(me, Op.SUM), what + ": allreduce");

        int from = (r - 1 + n) % n;
        sub.send(new int[] {me, members[(r + 1) % n]}, (r + 1) % n, TAG);
        int[] got = new int[2];
        Status status = sub.recv(got, Comm.ANY_SOURCE, Comm.ANY_TAG);
        assertEquals(from, status.source(), what + ": source as a rank of the new communicator");
        assertEquals(TAG, status.tag());
        assertArrayEquals(new int[] {members[from], me}, got, what + ": ring message");
        sub.barrier();
    }

    /**
     * The reference split: the ranks of {@code ranks} (given in the parent's rank order) whose
     * colour is {@code color}, ordered by key and then by their place in {@code ranks}.
     */
    private static int[] members(int[] ranks, int[] colors, int[] keys, int color) {
        List<int[]> chosen = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            if (colors[ranks[i]] == color) {
                chosen.add(new int[] {keys[ranks[i]], i, ranks[i]});
            }
        }
        chosen.sort(Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> m[1]));
        return chosen.stream().mapToInt(m -> m[2]).toArray();
    }

    /** Colours 0–2, and UNDEFINED for about one rank in five. */
    private static int[] colors(Random random, int size) {
        int[] colors = new int[size];
        for (int i = 0; i < size; i++) {
            colors[i] = random.nextInt(5) == 0 ? Intracomm.UNDEFINED : random.nextInt(3);
        }
        return colors;
    }

    /** Keys from -2 to 2: many ties, which the parent rank breaks. */
    private static int[] keys(Random random, int size) {
        int[] keys = new int[size];
        for (int i = 0; i < size; i++) {
            keys[i] = random.nextInt(5) - 2;
        }
        return keys;
    }

    private static int indexOf(int[] members, int me) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == me) {
                return i;
            }
        }
        return -1;
    }
}
