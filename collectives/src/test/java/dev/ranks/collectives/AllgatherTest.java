package dev.ranks.collectives;

import static dev.ranks.collectives.testkit.IntracommJobs.failure;
import static dev.ranks.collectives.testkit.IntracommJobs.forced;
import static dev.ranks.collectives.testkit.ArrayAssertions.assertElements;
import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every allgather algorithm, forced by name, against a reference each rank computes for itself:
 * rank {@code i}'s block is {@link Patterns} seeded with {@code i}.
 */
class AllgatherTest {
    private static final int[] COUNTS = {0, 1, 7, 1025};
    /** Per-rank counts of the v form, cycled over the ranks: zeros, and blocks both small and large. */
    private static final int[] V_COUNTS = {3, 0, 1025, 1, 7, 0};
    private static final ElementType[] OTHER_TYPES = {ElementType.BYTE, ElementType.SHORT, ElementType.LONG,
        ElementType.FLOAT, ElementType.DOUBLE, ElementType.CHAR, ElementType.BOOLEAN};

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyAlgorithmMatchesTheReference(int size) {
        for (Algorithm algorithm : runnable(size, true)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                for (int c = 0; c < COUNTS.length; c++) {
                    // int[] every time, and each other type at some size for every algorithm.
                    plain(comm, algorithm, ElementType.INT, COUNTS[c]);
                    plain(comm, algorithm, OTHER_TYPES[(size + c) % OTHER_TYPES.length], COUNTS[c]);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void inPlaceFillsEveryOtherBlock(int size) {
        for (Algorithm algorithm : runnable(size, true)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int count : COUNTS) {
                    long[] buf = new long[size * count];
                    Arrays.fill(buf, Long.MIN_VALUE);
                    System.arraycopy(Patterns.longs(count, rank), 0, buf, rank * count, count);
                    comm.allgather(buf, count);
                    assertElements(uniformReference(ElementType.LONG, size, count), buf,
                            algorithm + " in place, count " + count + ", rank " + rank);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void allgathervPlacesIrregularBlocksAndLeavesTheGapsAlone(int size) {
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            counts[i] = V_COUNTS[i % V_COUNTS.length];
        }
        // Blocks in reverse rank order, a gap of two elements before each and after the last.
        int[] displs = new int[size];
        int length = 2;
        for (int i = size - 1; i >= 0; i--) {
            displs[i] = length;
            length += counts[i] + 2;
        }
        int total = length;
        for (Algorithm algorithm : runnable(size, false)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                double[] recv = new double[total];
                Arrays.fill(recv, Double.NaN);
                comm.allgatherv(Patterns.doubles(counts[rank], rank), recv, counts, displs);
                double[] expected = new double[total];
                Arrays.fill(expected, Double.NaN);
                for (int i = 0; i < size; i++) {
                    System.arraycopy(Patterns.doubles(counts[i], i), 0, expected, displs[i], counts[i]);
                }
                assertElements(expected, recv, algorithm + " allgatherv at rank " + rank + " (NaN marks a gap)");
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void objectsArriveAsCopiesOfTheSendersItems(int size) {
        for (Algorithm algorithm : runnable(size, true)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                int[] mine = Patterns.ints(rank + 1, rank);
                List<int[]> all = comm.allgather(mine);
                assertEquals(size, all.size());
                for (int i = 0; i < size; i++) {
                    assertArrayEquals(Patterns.ints(i + 1, i), all.get(i), algorithm + ": item of rank " + i);
                }
                for (int i = 0; i < size; i++) {
                    if (i != rank) {
                        all.get(i)[0] = -1;
                    }
                }
                comm.barrier();
                assertArrayEquals(Patterns.ints(rank + 1, rank), mine,
                        algorithm + ": rank " + rank + "'s item changed when a receiver changed its copy");

                List<String> maybe = comm.allgather(rank % 2 == 0 ? "item " + rank : null);
                for (int i = 0; i < size; i++) {
                    assertEquals(i % 2 == 0 ? "item " + i : null, maybe.get(i), algorithm + ": item of rank " + i);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void twoInFlightCompleteInReverseOrder(int size) {
        for (Algorithm algorithm : runnable(size, true)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                for (int count : COUNTS) {
                    // The same element type with different counts: crossed messages would show.
                    char[] recv = new char[size * count];
                    int other = count + 3;
                    char[] buf = new char[size * other];
                    System.arraycopy(Patterns.chars(other, rank + 16), 0, buf, rank * other, other);
                    CollectiveRequest<char[]> first = comm.allgatherAsync(Patterns.chars(count, rank), recv);
                    CollectiveRequest<char[]> second = comm.allgatherAsync(buf, other);
                    assertSame(buf, second.get());
                    assertSame(recv, first.get());
                    assertElements(uniformReference(ElementType.CHAR, size, count), recv,
                            algorithm + " first, count " + count);
                    char[] expected = new char[size * other];
                    for (int i = 0; i < size; i++) {
                        System.arraycopy(Patterns.chars(other, i + 16), 0, expected, i * other, other);
                    }
                    assertElements(expected, buf, algorithm + " second (in place), count " + other);
                }
                CollectiveRequest<List<Integer>> first = comm.allgatherAsync(rank);
                CollectiveRequest<List<String>> second = comm.allgatherAsync("r" + rank);
                List<String> strings = second.get();
                List<Integer> ints = first.get();
                for (int i = 0; i < size; i++) {
                    assertEquals("r" + i, strings.get(i));
                    assertEquals(i, ints.get(i));
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({3, 5, 6, 7})
    void forcedRecursiveDoublingFailsOffPowersOfTwo(int size) {
        JobResult result = Jobs.result(size, Settings.defaults().withCollectives(forced(Algorithm.ALLGATHER_RECURSIVE_DOUBLING)),
                comm -> ((Intracomm) comm).allgather(new int[] {comm.rank()}, new int[size]), Intracomm.binder(),
                Jobs.TIMEOUT);
        RanksException e = failure(result);
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("recursive_doubling") && e.getMessage().contains("power-of-two")
                && e.getMessage().contains(size + " ranks"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5})
    void forcedBruckFailsForAllgatherv(int size) {
        int[] counts = Blocks.uniform(size, 1);
        JobResult result = Jobs.result(size, Settings.defaults().withCollectives(forced(Algorithm.ALLGATHER_BRUCK)),
                comm -> ((Intracomm) comm).allgatherv(new int[] {comm.rank()}, new int[size], counts,
                        Blocks.displacements(counts)),
                Intracomm.binder(), Jobs.TIMEOUT);
        RanksException e = failure(result);
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("bruck") && e.getMessage().contains("per-rank counts"), e.getMessage());
    }


    /** One plain allgather of {@code count} elements of {@code type}, checked against the reference. */
    private static void plain(Intracomm comm, Algorithm algorithm, ElementType type, int count) {
        int size = comm.size();
        Object send = Patterns.of(type, count, comm.rank());
        Object recv = Array.newInstance(send.getClass().getComponentType(), size * count);
        if (send instanceof byte[] s) {
            comm.allgather(s, (byte[]) recv);
        } else if (send instanceof short[] s) {
            comm.allgather(s, (short[]) recv);
        } else if (send instanceof int[] s) {
            comm.allgather(s, (int[]) recv);
        } else if (send instanceof long[] s) {
            comm.allgather(s, (long[]) recv);
        } else if (send instanceof float[] s) {
            comm.allgather(s, (float[]) recv);
        } else if (send instanceof double[] s) {
            comm.allgather(s, (double[]) recv);
        } else if (send instanceof char[] s) {
            comm.allgather(s, (char[]) recv);
        } else {
            comm.allgather((boolean[]) send, (boolean[]) recv);
        }
        assertElements(uniformReference(type, size, count), recv,
                algorithm + ", " + type + " count " + count + ", rank " + comm.rank());
    }

    /** @return every rank's pattern laid end to end */
    private static Object uniformReference(ElementType type, int size, int count) {
        Object expected = Patterns.of(type, size * count, 0);
        for (int i = 0; i < size; i++) {
            System.arraycopy(Patterns.of(type, count, i), 0, expected, i * count, count);
        }
        return expected;
    }


    /** @return the algorithms that run at this size, for the plain form or the v form */
    static List<Algorithm> runnable(int size, boolean uniform) {
        List<Algorithm> list = new ArrayList<>();
        for (Algorithm a : Algorithm.of(Collective.ALLGATHER)) {
            boolean sizeOk = !a.requirements().contains(Requirement.POWER_OF_TWO) || Integer.bitCount(size) == 1;
            if (sizeOk && (uniform || !a.requirements().contains(Requirement.UNIFORM))) {
                list.add(a);
            }
        }
        return list;
    }

}
