package dev.ranks.collectives;

import static dev.ranks.collectives.testkit.IntracommJobs.forced;
import static dev.ranks.collectives.testkit.ArrayAssertions.assertElements;
import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * Every alltoall algorithm, forced by name, against a reference each rank computes for itself:
 * the block rank {@code s} sends rank {@code d} is {@link Patterns} seeded with {@code 16 s + d}.
 */
class AlltoallTest {
    private static final int[] COUNTS = {0, 1, 7, 1025};
    /** Counts of the v form, picked per (source, destination) pair: zeros, and blocks both small and large. */
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
    void alltoallvPlacesIrregularBlocksAndLeavesTheGapsAlone(int size) {
        for (Algorithm algorithm : runnable(size, false)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                int[] sendCounts = new int[size];
                int[] recvCounts = new int[size];
                for (int i = 0; i < size; i++) {
                    sendCounts[i] = vCount(rank, i);
                    recvCounts[i] = vCount(i, rank);
                }
                // Send blocks in rank order after gaps of 1; receive blocks in reverse order after gaps of 3.
                int[] sendDispls = new int[size];
                int sendLength = 0;
                for (int i = 0; i < size; i++) {
                    sendDispls[i] = sendLength + 1;
                    sendLength += 1 + sendCounts[i];
                }
                int[] recvDispls = new int[size];
                int recvLength = 0;
                for (int i = size - 1; i >= 0; i--) {
                    recvDispls[i] = recvLength + 3;
                    recvLength += 3 + recvCounts[i];
                }
                recvLength += 3;
                double[] send = new double[sendLength];
                Arrays.fill(send, Double.NaN);
                double[] expected = new double[recvLength];
                Arrays.fill(expected, Double.NaN);
                for (int i = 0; i < size; i++) {
                    System.arraycopy(Patterns.doubles(sendCounts[i], seed(rank, i)), 0, send, sendDispls[i], sendCounts[i]);
                    System.arraycopy(Patterns.doubles(recvCounts[i], seed(i, rank)), 0, expected, recvDispls[i],
                            recvCounts[i]);
                }
                double[] sent = send.clone();
                double[] recv = new double[recvLength];
                Arrays.fill(recv, Double.NaN);
                comm.alltoallv(send, sendCounts, sendDispls, recv, recvCounts, recvDispls);
                assertElements(expected, recv, algorithm + " alltoallv at rank " + rank + " (NaN marks a gap)");
                assertElements(sent, send, algorithm + " alltoallv changed the send buffer of rank " + rank);
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void objectsArriveAsCopiesOfTheSendersItems(int size) {
        for (Algorithm algorithm : runnable(size, true)) {
            IntracommJobs.run(size, forced(algorithm), comm -> {
                int rank = comm.rank();
                List<int[]> mine = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    mine.add(Patterns.ints(j + 1, seed(rank, j)));
                }
                List<int[]> got = comm.alltoall(mine);
                assertEquals(size, got.size());
                for (int i = 0; i < size; i++) {
                    assertArrayEquals(Patterns.ints(rank + 1, seed(i, rank)), got.get(i), algorithm + ": item from rank " + i);
                }
                for (int i = 0; i < size; i++) {
                    if (i != rank) {
                        got.get(i)[0] = -1;
                    }
                }
                comm.barrier();
                for (int j = 0; j < size; j++) {
                    assertArrayEquals(Patterns.ints(j + 1, seed(rank, j)), mine.get(j),
                            algorithm + ": rank " + rank + "'s item for rank " + j + " changed when the receiver changed its copy");
                }

                List<String> strings = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    strings.add((rank + j) % 3 == 0 ? null : rank + "->" + j);
                }
                List<String> gotStrings = comm.alltoall(strings);
                for (int i = 0; i < size; i++) {
                    assertEquals((i + rank) % 3 == 0 ? null : i + "->" + rank, gotStrings.get(i), algorithm + ": from rank " + i);
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
                    int other = count + 2;
                    byte[] firstSend = (byte[]) sendBlocks(ElementType.BYTE, size, rank, count, 0);
                    byte[] secondSend = (byte[]) sendBlocks(ElementType.BYTE, size, rank, other, 200);
                    byte[] firstRecv = new byte[size * count];
                    byte[] secondRecv = new byte[size * other];
                    CollectiveRequest<byte[]> first = comm.alltoallAsync(firstSend, firstRecv);
                    CollectiveRequest<byte[]> second = comm.alltoallAsync(secondSend, secondRecv);
                    assertSame(secondRecv, second.get());
                    assertSame(firstRecv, first.get());
                    assertElements(recvReference(ElementType.BYTE, size, rank, count, 0), firstRecv,
                            algorithm + " first, count " + count);
                    assertElements(recvReference(ElementType.BYTE, size, rank, other, 200), secondRecv,
                            algorithm + " second, count " + other);
                }
                List<Integer> ints = new ArrayList<>();
                List<String> strings = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    ints.add(seed(rank, j));
                    strings.add("to " + j + " from " + rank);
                }
                CollectiveRequest<List<Integer>> first = comm.alltoallAsync(ints);
                CollectiveRequest<List<String>> second = comm.alltoallAsync(strings);
                List<String> gotStrings = second.get();
                List<Integer> gotInts = first.get();
                for (int i = 0; i < size; i++) {
                    assertEquals("to " + rank + " from " + i, gotStrings.get(i));
                    assertEquals(seed(i, rank), gotInts.get(i));
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 3, 7})
    void sendLengthMustSplitIntoEqualBlocks(int size) {
        IntracommJobs.run(size, comm -> {
            RanksException e = assertThrows(RanksException.class,
                    () -> comm.alltoall(new long[size + 1], new long[size + 1]));
            assertEquals(ErrorClass.COUNT, e.errorClass());
            assertTrue(e.getMessage().contains((size + 1) + " elements") && e.getMessage().contains("multiple of " + size),
                    e.getMessage());
            // The failed call sent nothing: the communicator still works.
            long[] recv = new long[size];
            comm.alltoall((long[]) sendBlocks(ElementType.LONG, size, comm.rank(), 1, 0), recv);
            assertElements(recvReference(ElementType.LONG, size, comm.rank(), 1, 0), recv, "after the error");
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 4, 7})
    void objectAlltoallNeedsOneItemPerRank(int size) {
        IntracommJobs.run(size, comm -> {
            for (int n : new int[] {size - 1, size + 1}) {
                List<Integer> items = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    items.add(j);
                }
                RanksException e = assertThrows(RanksException.class, () -> comm.alltoall(items));
                assertEquals(ErrorClass.COUNT, e.errorClass());
                assertTrue(e.getMessage().contains("expecting " + size + " items, got " + n), e.getMessage());
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5})
    void forcedBruckFailsForAlltoallv(int size) {
        int[] counts = Blocks.uniform(size, 1);
        int[] displs = Blocks.displacements(counts);
        JobResult result = Jobs.result(size, Settings.defaults().withCollectives(forced(Algorithm.ALLTOALL_BRUCK)),
                comm -> ((Intracomm) comm).alltoallv(new int[size], counts, displs, new int[size], counts, displs),
                Intracomm.binder(), Jobs.TIMEOUT);
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), "expected the job to fail: " + result);
        RanksException e = assertInstanceOf(RanksException.class, result.cause());
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("bruck") && e.getMessage().contains("per-rank counts"), e.getMessage());
    }

    /** One plain alltoall of {@code count} elements per block of {@code type}, checked against the reference. */
    private static void plain(Intracomm comm, Algorithm algorithm, ElementType type, int count) {
        int size = comm.size();
        int rank = comm.rank();
        Object send = sendBlocks(type, size, rank, count, 0);
        Object recv = Array.newInstance(send.getClass().getComponentType(), size * count);
        if (send instanceof byte[] s) {
            comm.alltoall(s, (byte[]) recv);
        } else if (send instanceof short[] s) {
            comm.alltoall(s, (short[]) recv);
        } else if (send instanceof int[] s) {
            comm.alltoall(s, (int[]) recv);
        } else if (send instanceof long[] s) {
            comm.alltoall(s, (long[]) recv);
        } else if (send instanceof float[] s) {
            comm.alltoall(s, (float[]) recv);
        } else if (send instanceof double[] s) {
            comm.alltoall(s, (double[]) recv);
        } else if (send instanceof char[] s) {
            comm.alltoall(s, (char[]) recv);
        } else {
            comm.alltoall((boolean[]) send, (boolean[]) recv);
        }
        assertElements(recvReference(type, size, rank, count, 0), recv,
                algorithm + ", " + type + " count " + count + ", rank " + rank);
    }

    /** @return the blocks {@code rank} sends, one per destination, laid end to end */
    private static Object sendBlocks(ElementType type, int size, int rank, int count, int salt) {
        Object blocks = Patterns.of(type, size * count, 0);
        for (int j = 0; j < size; j++) {
            System.arraycopy(Patterns.of(type, count, seed(rank, j) + salt), 0, blocks, j * count, count);
        }
        return blocks;
    }

    /** @return the blocks {@code rank} should receive, one per source, laid end to end */
    private static Object recvReference(ElementType type, int size, int rank, int count, int salt) {
        Object blocks = Patterns.of(type, size * count, 0);
        for (int i = 0; i < size; i++) {
            System.arraycopy(Patterns.of(type, count, seed(i, rank) + salt), 0, blocks, i * count, count);
        }
        return blocks;
    }

    private static int seed(int source, int dest) {
        return 16 * source + dest;
    }

    private static int vCount(int source, int dest) {
        return V_COUNTS[(source + 2 * dest) % V_COUNTS.length];
    }

    /** @return the algorithms that run at this size, for the plain form or the v form */
    private static List<Algorithm> runnable(int size, boolean uniform) {
        List<Algorithm> list = new ArrayList<>();
        for (Algorithm a : Algorithm.of(Collective.ALLTOALL)) {
            boolean sizeOk = !a.requirements().contains(Requirement.POWER_OF_TWO) || Integer.bitCount(size) == 1;
            if (sizeOk && (uniform || !a.requirements().contains(Requirement.UNIFORM))) {
                list.add(a);
            }
        }
        return list;
    }

}
