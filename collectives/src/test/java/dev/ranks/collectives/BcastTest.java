package dev.ranks.collectives;

import static dev.ranks.collectives.testkit.IntracommJobs.failure;
import static dev.ranks.collectives.testkit.IntracommJobs.forced;
import static dev.ranks.collectives.testkit.ArrayAssertions.assertElements;
import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every bcast algorithm, forced by name, at every root, against the root's data: the root's buffer
 * holds {@link Patterns} seeded from the root and the call, every other rank's buffer starts as a
 * different pattern, and afterwards every rank must hold the root's.
 */
class BcastTest {
    private static final int[] COUNTS = {0, 1, 7, 1025};
    /** Over the eager limit, so that every message of the binomial tree waits for its receive. */
    private static final int LARGE = 40_000;
    private static final ElementType[] TYPES = {ElementType.INT, ElementType.DOUBLE, ElementType.LONG,
        ElementType.BYTE, ElementType.CHAR, ElementType.BOOLEAN, ElementType.SHORT, ElementType.FLOAT};
    /** A seed no root uses, for what non-root buffers hold before the call. */
    private static final int STALE = 999;

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyAlgorithmEveryRootEveryCount(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.BCAST)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                for (int root = 0; root < size; root++) {
                    for (int c = 0; c < COUNTS.length; c++) {
                        // int[] every time, and every other type at some root and count.
                        whole(comm, algorithm, ElementType.INT, COUNTS[c], root);
                        whole(comm, algorithm, TYPES[(root + c) % TYPES.length], COUNTS[c], root);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void offsetFormFillsOnlyTheSlice(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.BCAST)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    for (int c = 0; c < COUNTS.length; c++) {
                        ElementType type = TYPES[(root + 3 * c) % TYPES.length];
                        int count = COUNTS[c];
                        int offset = 1 + root % 3;
                        int length = count + offset + 4;
                        Object rootData = Patterns.of(type, length, root);
                        Object buf = rank == root ? rootData : Patterns.of(type, length, STALE);
                        call(comm, "bcast", new Class<?>[] {type.arrayClass(), int.class, int.class, int.class},
                                buf, offset, count, root);
                        Object expected = Patterns.of(type, length, rank == root ? root : STALE);
                        System.arraycopy(rootData, offset, expected, offset, count);
                        assertElements(expected, buf, algorithm + " offset " + offset + " count " + count + " " + type
                                + " from root " + root + " at rank " + rank);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 5, 8, 11})
    void largeMessagesBeyondTheEagerLimit(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.BCAST)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                for (int root : new int[] {0, size - 1}) {
                    long[] buf = comm.rank() == root ? Patterns.longs(LARGE, root) : new long[LARGE];
                    comm.bcast(buf, root);
                    assertArrayEquals(Patterns.longs(LARGE, root), buf, algorithm + " from root " + root);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void objectBcastGivesNonRootsCopiesAndTheRootItsOwnObject(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.BCAST)) {
            AtomicReferenceArray<List<Integer>> sent = new AtomicReferenceArray<>(size);
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    List<Integer> original = null;
                    if (rank == root) {
                        original = new ArrayList<>(List.of(root, 1, 2, 3));
                        sent.set(root, original);
                    }
                    List<Integer> got = comm.bcast(original, root);
                    assertEquals(List.of(root, 1, 2, 3), got, algorithm + " from root " + root);
                    if (rank == root) {
                        assertSame(original, got, algorithm + ": the root must get its own object back");
                    } else {
                        assertNotSame(sent.get(root), got, algorithm + ": rank " + rank + " got the root's object");
                        got.set(1, -rank);
                    }
                    comm.barrier();
                    if (rank == root) {
                        assertEquals(List.of(root, 1, 2, 3), original,
                                algorithm + ": a receiver's change reached the root's object");
                    }
                    assertEquals("immutable " + root, comm.bcast(rank == root ? "immutable " + root : null, root));
                    assertEquals(null, comm.bcast((String) null, root), algorithm + ": null from root " + root);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void twoInFlightCompleteInReverseOrder(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.BCAST)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    int other = size - 1 - root;
                    for (int count : COUNTS) {
                        // The same element type, different roots and counts: crossed messages would show.
                        int[] a = rank == root ? Patterns.ints(count, root) : new int[count];
                        int[] b = rank == other ? Patterns.ints(count + 2, 100 + other) : new int[count + 2];
                        CollectiveRequest<int[]> first = comm.bcastAsync(a, root);
                        CollectiveRequest<int[]> second = comm.bcastAsync(b, other);
                        assertSame(b, second.get());
                        assertSame(a, first.get());
                        assertArrayEquals(Patterns.ints(count, root), a, algorithm + " first, root " + root);
                        assertArrayEquals(Patterns.ints(count + 2, 100 + other), b,
                                algorithm + " second, root " + other);
                    }
                    CollectiveRequest<String> first = comm.bcastAsync(rank == root ? "a" + root : null, root);
                    CollectiveRequest<String> second = comm.bcastAsync(rank == other ? "b" + other : null, other);
                    assertEquals("b" + other, second.get());
                    assertEquals("a" + root, first.get());
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void aRankThatOnlyTestsMovesTheBroadcastOn(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.BCAST)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                // One rank polls with test() while the others wait: in turn the root, a leaf and
                // inner nodes of the tree (relative ranks 0, 1, 2, 4), all links of the ring. An
                // inner node must forward data from test() alone.
                int root = size / 2;
                for (int place : new int[] {0, 1, 2, 4}) {
                    if (place >= size) {
                        continue;
                    }
                    int poller = (root + place) % size;
                    for (int count : new int[] {7, 1025, LARGE}) {
                        double[] buf = rank == root ? Patterns.doubles(count, root) : new double[count];
                        CollectiveRequest<double[]> request = comm.bcastAsync(buf, root);
                        if (rank == poller) {
                            while (!request.test()) {
                                Thread.onSpinWait();
                            }
                        } else {
                            request.waitFor();
                        }
                        assertTrue(request.test(), "a completed request tests true");
                        assertArrayEquals(Patterns.doubles(count, root), buf,
                                algorithm + " from root " + root + ", rank " + poller + " polling");
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 8})
    void aRootOutOfRangeIsARankErrorNamingTheRoot(int size) {
        for (int root : new int[] {size, -1}) {
            RanksException e = failure(Jobs.result(size, Settings.defaults(),
                    comm -> ((Intracomm) comm).bcast(new int[3], root), Intracomm.binder(), Jobs.TIMEOUT));
            assertEquals(ErrorClass.RANK, e.errorClass());
            assertTrue(e.getMessage().contains("bcast") && e.getMessage().contains("root " + root)
                    && e.getMessage().contains("0.." + (size - 1)), e.getMessage());

            e = failure(Jobs.result(size, Settings.defaults(), comm -> ((Intracomm) comm).bcast("x", root),
                    Intracomm.binder(), Jobs.TIMEOUT));
            assertEquals(ErrorClass.RANK, e.errorClass());
            assertTrue(e.getMessage().contains("root " + root), e.getMessage());
        }
    }

    /** One whole-array bcast of {@code count} elements of {@code type} from {@code root}, checked. */
    private static void whole(Intracomm comm, Algorithm algorithm, ElementType type, int count, int root)
            throws Exception {
        int seed = root * 7 + count;
        Object buf = comm.rank() == root ? Patterns.of(type, count, seed) : Patterns.of(type, count, STALE);
        call(comm, "bcast", new Class<?>[] {type.arrayClass(), int.class}, buf, root);
        assertElements(Patterns.of(type, count, seed), buf,
                algorithm + ", " + type + " count " + count + " from root " + root + " at rank " + comm.rank());
    }

    /** Calls the {@link Intracomm} overload with these parameter types, rethrowing what it throws. */
    private static Object call(Intracomm comm, String method, Class<?>[] types, Object... args) throws Exception {
        try {
            return Intracomm.class.getMethod(method, types).invoke(comm, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }



}
