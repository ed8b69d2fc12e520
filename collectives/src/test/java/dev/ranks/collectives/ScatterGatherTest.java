package dev.ranks.collectives;

import static dev.ranks.collectives.testkit.IntracommJobs.failure;
import static dev.ranks.collectives.testkit.IntracommJobs.forced;
import static dev.ranks.collectives.testkit.ArrayAssertions.assertElements;
import static dev.ranks.collectives.testkit.IntracommJobs.result;
import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Patterns;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every scatter and gather algorithm, forced by name, at every root, against a reference each rank
 * computes for itself: the block for or from rank {@code i} under root {@code r} is
 * {@link Patterns} seeded with {@link #seed(int, int)}, and buffers start as a pattern no block
 * uses, so that elements a call must not touch can be checked.
 */
class ScatterGatherTest {
    private static final int[] COUNTS = {0, 1, 7, 1025};
    /** Per-rank counts of the v forms, cycled over the ranks from a root-dependent start. */
    private static final int[] V_COUNTS = {3, 0, 1025, 1, 7, 0, 2};
    private static final ElementType[] TYPES = {ElementType.INT, ElementType.DOUBLE, ElementType.LONG,
        ElementType.BYTE, ElementType.CHAR, ElementType.BOOLEAN, ElementType.SHORT, ElementType.FLOAT};
    /** A seed no block uses, for elements a call must leave alone. */
    private static final int STALE = 999;

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void scatterEveryAlgorithmEveryRootEveryCount(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.SCATTER)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                for (int root = 0; root < size; root++) {
                    for (int c = 0; c < COUNTS.length; c++) {
                        scatter(comm, algorithm, ElementType.INT, COUNTS[c], root);
                        scatter(comm, algorithm, TYPES[(root + c) % TYPES.length], COUNTS[c], root);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void gatherEveryAlgorithmEveryRootEveryCount(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.GATHER)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                for (int root = 0; root < size; root++) {
                    for (int c = 0; c < COUNTS.length; c++) {
                        gather(comm, algorithm, ElementType.INT, COUNTS[c], root);
                        gather(comm, algorithm, TYPES[(root + c) % TYPES.length], COUNTS[c], root);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void scattervSendsIrregularBlocksAndLeavesTheRestAlone(int size) {
        for (Algorithm algorithm : vAlgorithms(Collective.SCATTER)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    ElementType type = TYPES[root % TYPES.length];
                    int[] counts = vCounts(size, root);
                    int[] displs = gappedDisplacements(counts);
                    int total = end(counts, displs);
                    Object send = null;
                    if (rank == root) {
                        send = Patterns.of(type, total, STALE);
                        for (int i = 0; i < size; i++) {
                            System.arraycopy(Patterns.of(type, counts[i], seed(root, i)), 0, send, displs[i],
                                    counts[i]);
                        }
                    }
                    Object sendBefore = send == null ? null : copy(send);
                    // Room for more than the block: the elements past it must stay as they were.
                    int room = counts[rank] + 3;
                    Object recv = Patterns.of(type, room, STALE);
                    call(comm, "scatterv", new Class<?>[] {type.arrayClass(), int[].class, int[].class,
                        type.arrayClass(), int.class}, send, rank == root ? counts : null,
                            rank == root ? displs : null, recv, root);
                    Object expected = Patterns.of(type, room, STALE);
                    System.arraycopy(Patterns.of(type, counts[rank], seed(root, rank)), 0, expected, 0, counts[rank]);
                    assertElements(expected, recv, algorithm + " scatterv " + type + " from root " + root + " at rank "
                            + rank + " (count " + counts[rank] + ")");
                    if (rank == root) {
                        assertElements(sendBefore, send, algorithm + " scatterv changed the root's send buffer");
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void gathervPlacesIrregularBlocksAndLeavesTheGapsAlone(int size) {
        for (Algorithm algorithm : vAlgorithms(Collective.GATHER)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    ElementType type = TYPES[(root + 3) % TYPES.length];
                    int[] counts = vCounts(size, root);
                    int[] displs = gappedDisplacements(counts);
                    int total = end(counts, displs);
                    Object recv = rank == root ? Patterns.of(type, total, STALE) : null;
                    call(comm, "gatherv", new Class<?>[] {type.arrayClass(), type.arrayClass(), int[].class,
                        int[].class, int.class}, Patterns.of(type, counts[rank], seed(root, rank)), recv,
                            rank == root ? counts : null, rank == root ? displs : null, root);
                    if (rank == root) {
                        Object expected = Patterns.of(type, total, STALE);
                        for (int i = 0; i < size; i++) {
                            System.arraycopy(Patterns.of(type, counts[i], seed(root, i)), 0, expected, displs[i],
                                    counts[i]);
                        }
                        assertElements(expected, recv, algorithm + " gatherv " + type + " at root " + root
                                + " (gaps must keep their pattern)");
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void objectScatterAndGather(int size) {
        List<Algorithm> scatters = Algorithm.of(Collective.SCATTER);
        List<Algorithm> gathers = Algorithm.of(Collective.GATHER);
        for (int k = 0; k < scatters.size(); k++) {
            Algorithm scatter = scatters.get(k);
            Algorithm gather = gathers.get(k % gathers.size());
            AtomicReferenceArray<int[]> items = new AtomicReferenceArray<>(size);
            IntracommJobs.run(size, Map.of("scatter", scatter.label(), "gather", gather.label()), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    List<int[]> list = null;
                    if (rank == root) {
                        list = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            list.add(Patterns.ints(i + 1, seed(root, i)));
                            items.set(i, list.get(i));
                        }
                    }
                    int[] mine = comm.scatter(list, root);
                    assertArrayEquals(Patterns.ints(rank + 1, seed(root, rank)), mine, scatter + " from root " + root);
                    if (rank != root) {
                        assertNotSame(items.get(rank), mine, scatter + ": a mutable item must arrive as a copy");
                    }
                    comm.barrier();

                    List<String> got = comm.gather("r" + rank + "/" + root, root);
                    List<int[]> arrays = comm.gather(Patterns.ints(rank, seed(root, rank)), root);
                    if (rank == root) {
                        assertEquals(size, got.size());
                        for (int i = 0; i < size; i++) {
                            assertEquals("r" + i + "/" + root, got.get(i), gather + " at root " + root);
                            assertArrayEquals(Patterns.ints(i, seed(root, i)), arrays.get(i), gather + " item " + i);
                        }
                    } else {
                        assertNull(got, gather + ": gather returns null off the root");
                        assertNull(arrays, gather + ": gather returns null off the root");
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 5})
    void scatterOfTheWrongNumberOfItemsFailsAtTheRoot(int size) {
        int root = size - 1;
        for (int wrong : size > 1 ? new int[] {size + 1, size - 1} : new int[] {2, 0}) {
            JobResult result = result(size, Map.of(), comm -> {
                List<Integer> items = new ArrayList<>();
                for (int i = 0; i < wrong; i++) {
                    items.add(i);
                }
                comm.scatter(comm.rank() == root ? items : null, root);
            });
            RanksException e = failure(result);
            assertEquals(root, result.rank(), "the root is the rank that fails");
            assertEquals(ErrorClass.COUNT, e.errorClass());
            assertTrue(e.getMessage().contains("expecting " + size + " items, got " + wrong), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 4})
    void aRootOutOfRangeIsARankErrorNamingTheRoot(int size) {
        List<IntracommMain> calls = List.of(
                comm -> comm.scatter(new int[size], new int[1], size),
                comm -> comm.gather(new int[1], new int[size], -1),
                comm -> comm.scatterv(new int[size], new int[size], new int[size], new int[1], size + 2),
                comm -> comm.gatherv(new int[1], new int[size], new int[size], new int[size], size),
                comm -> comm.scatter(List.of(), -3),
                comm -> comm.gather("x", size));
        int[] roots = {size, -1, size + 2, size, -3, size};
        String[] names = {"scatter", "gather", "scatter", "gather", "scatter", "gather"};
        for (int i = 0; i < calls.size(); i++) {
            RanksException e = failure(result(size, Map.of(), calls.get(i)));
            assertEquals(ErrorClass.RANK, e.errorClass(), e.getMessage());
            assertTrue(e.getMessage().contains(names[i]) && e.getMessage().contains("root " + roots[i])
                    && e.getMessage().contains("0.." + (size - 1)), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5})
    void forcedBinomialFailsForTheVFormsNamingTheRequirement(int size) {
        int[] counts = Blocks.uniform(size, 1);
        int[] displs = Blocks.displacements(counts);
        RanksException e = failure(result(size, forced(Algorithm.SCATTER_BINOMIAL),
                comm -> comm.scatterv(new int[size], counts, displs, new int[1], 0)));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("scatter algorithm binomial was forced")
                && e.getMessage().contains("same count on every rank"), e.getMessage());

        e = failure(result(size, forced(Algorithm.GATHER_BINOMIAL),
                comm -> comm.gatherv(new int[1], new int[size], counts, displs, 0)));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("gather algorithm binomial was forced")
                && e.getMessage().contains("same count on every rank"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void twoInFlightCompleteInReverseOrder(int size) {
        List<Algorithm> scatters = Algorithm.of(Collective.SCATTER);
        List<Algorithm> gathers = Algorithm.of(Collective.GATHER);
        for (int k = 0; k < scatters.size(); k++) {
            Algorithm scatter = scatters.get(k);
            Algorithm gather = gathers.get(k % gathers.size());
            String what = scatter + "/" + gather;
            IntracommJobs.run(size, Map.of("scatter", scatter.label(), "gather", gather.label()), comm -> {
                int rank = comm.rank();
                for (int root = 0; root < size; root++) {
                    int other = size - 1 - root;
                    for (int count : COUNTS) {
                        // Same element type and different counts and roots: crossed messages would show.
                        long[] send1 = rank == root ? (long[]) blocks(ElementType.LONG, size, count, root, 0) : null;
                        long[] send2 = rank == other
                                ? (long[]) blocks(ElementType.LONG, size, count + 1, other, 50) : null;
                        long[] recv1 = new long[count];
                        long[] recv2 = new long[count + 1];
                        CollectiveRequest<long[]> first = comm.scatterAsync(send1, recv1, root);
                        CollectiveRequest<long[]> second = comm.scatterAsync(send2, recv2, other);
                        assertSame(recv2, second.get());
                        assertSame(recv1, first.get());
                        assertArrayEquals(Patterns.longs(count, seed(root, rank)), recv1, what + " first scatter");
                        assertArrayEquals(Patterns.longs(count + 1, seed(other, rank) + 50), recv2,
                                what + " second scatter");

                        long[] all1 = rank == root ? new long[size * count] : null;
                        long[] all2 = rank == other ? new long[size * (count + 1)] : null;
                        CollectiveRequest<long[]> g1 = comm.gatherAsync(Patterns.longs(count, seed(root, rank)), all1,
                                root);
                        CollectiveRequest<long[]> g2 = comm.gatherAsync(
                                Patterns.longs(count + 1, seed(other, rank) + 50), all2, other);
                        g2.waitFor();
                        g1.waitFor();
                        if (rank == root) {
                            assertArrayEquals((long[]) blocks(ElementType.LONG, size, count, root, 0), all1,
                                    what + " first gather");
                        }
                        if (rank == other) {
                            assertArrayEquals((long[]) blocks(ElementType.LONG, size, count + 1, other, 50), all2,
                                    what + " second gather");
                        }
                    }
                    CollectiveRequest<List<Integer>> first = comm.gatherAsync(rank, root);
                    CollectiveRequest<Integer> second = comm.scatterAsync(rank == other ? range(size, 10) : null,
                            other);
                    assertEquals(10 + rank, second.get());
                    List<Integer> all = first.get();
                    assertEquals(rank == root ? range(size, 0) : null, all);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void aRankThatOnlyTestsMovesScatterAndGatherOn(int size) {
        List<Algorithm> scatters = Algorithm.of(Collective.SCATTER);
        List<Algorithm> gathers = Algorithm.of(Collective.GATHER);
        for (int k = 0; k < scatters.size(); k++) {
            Algorithm scatter = scatters.get(k);
            Algorithm gather = gathers.get(k % gathers.size());
            IntracommJobs.run(size, Map.of("scatter", scatter.label(), "gather", gather.label()), comm -> {
                int rank = comm.rank();
                int count = 7;
                // One rank polls with test() while the others wait: in turn the root, a leaf and
                // inner nodes of the tree (relative ranks 0, 1, 2, 4). An inner node must pass
                // blocks on from test() alone.
                int root = size / 2;
                for (int place : new int[] {0, 1, 2, 4}) {
                    if (place >= size) {
                        continue;
                    }
                    int poller = (root + place) % size;
                    float[] send = rank == root ? (float[]) blocks(ElementType.FLOAT, size, count, root, 0) : null;
                    float[] recv = new float[count];
                    CollectiveRequest<float[]> s = comm.scatterAsync(send, recv, root);
                    finish(s, rank == poller);
                    assertArrayEquals(Patterns.floats(count, seed(root, rank)), recv, scatter + " from root " + root);

                    float[] all = rank == root ? new float[size * count] : null;
                    CollectiveRequest<float[]> g = comm.gatherAsync(Patterns.floats(count, seed(root, rank)), all,
                            root);
                    finish(g, rank == poller);
                    if (rank == root) {
                        assertArrayEquals((float[]) blocks(ElementType.FLOAT, size, count, root, 0), all,
                                gather + " at " + root);
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    /** One plain scatter of {@code count} elements of {@code type} from {@code root}, checked. */
    private static void scatter(Intracomm comm, Algorithm algorithm, ElementType type, int count, int root)
            throws Exception {
        int rank = comm.rank();
        Object send = rank == root ? blocks(type, comm.size(), count, root, 0) : null;
        Object recv = Patterns.of(type, count, STALE);
        call(comm, "scatter", new Class<?>[] {type.arrayClass(), type.arrayClass(), int.class}, send, recv, root);
        assertElements(Patterns.of(type, count, seed(root, rank)), recv,
                algorithm + ", " + type + " count " + count + " from root " + root + " at rank " + rank);
    }

    /** One plain gather of {@code count} elements of {@code type} to {@code root}, checked there. */
    private static void gather(Intracomm comm, Algorithm algorithm, ElementType type, int count, int root)
            throws Exception {
        int rank = comm.rank();
        Object recv = rank == root ? Patterns.of(type, comm.size() * count, STALE) : null;
        call(comm, "gather", new Class<?>[] {type.arrayClass(), type.arrayClass(), int.class},
                Patterns.of(type, count, seed(root, rank)), recv, root);
        if (rank == root) {
            assertElements(blocks(type, comm.size(), count, root, 0), recv,
                    algorithm + ", " + type + " count " + count + " at root " + root);
        }
    }

    /** The block for or from rank {@code i} when {@code root} is the root. */
    private static int seed(int root, int i) {
        return root * 16 + i + 1;
    }

    /** @return every rank's block under {@code root}, seeds shifted by {@code shift}, end to end */
    private static Object blocks(ElementType type, int size, int count, int root, int shift) {
        Object all = Patterns.of(type, size * count, STALE);
        for (int i = 0; i < size; i++) {
            System.arraycopy(Patterns.of(type, count, seed(root, i) + shift), 0, all, i * count, count);
        }
        return all;
    }

    /** Irregular counts with zeros, differing from root to root. */
    private static int[] vCounts(int size, int root) {
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            counts[i] = V_COUNTS[(i + root) % V_COUNTS.length];
        }
        return counts;
    }

    /** Blocks in reverse rank order, with a gap of 1 + (i mod 3) elements before block i and 2 after the last. */
    private static int[] gappedDisplacements(int[] counts) {
        int[] displs = new int[counts.length];
        int at = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            at += 1 + i % 3;
            displs[i] = at;
            at += counts[i];
        }
        return displs;
    }

    private static int end(int[] counts, int[] displs) {
        int end = 0;
        for (int i = 0; i < counts.length; i++) {
            end = Math.max(end, displs[i] + counts[i]);
        }
        return end + 2;
    }

    private static List<Integer> range(int size, int from) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(from + i);
        }
        return list;
    }

    private static void finish(CollectiveRequest<?> request, boolean poll) {
        if (poll) {
            while (!request.test()) {
                Thread.onSpinWait();
            }
        } else {
            request.waitFor();
        }
    }

    private static Object copy(Object array) {
        Object c = Array.newInstance(array.getClass().getComponentType(), Array.getLength(array));
        System.arraycopy(array, 0, c, 0, Array.getLength(array));
        return c;
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


    /** @return the algorithms that take per-rank counts */
    private static List<Algorithm> vAlgorithms(Collective collective) {
        List<Algorithm> list = new ArrayList<>();
        for (Algorithm a : Algorithm.of(collective)) {
            if (!a.requirements().contains(Requirement.UNIFORM)) {
                list.add(a);
            }
        }
        return list;
    }



}
