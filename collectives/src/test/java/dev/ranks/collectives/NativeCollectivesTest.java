package dev.ranks.collectives;

import static dev.ranks.collectives.Reductions.assertArray;
import static dev.ranks.collectives.Reductions.call;
import static dev.ranks.collectives.Reductions.expected;
import static dev.ranks.collectives.Reductions.input;
import static dev.ranks.collectives.testkit.IntracommJobs.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.Reductions.Case;
import dev.ranks.collectives.Reductions.Data;
import dev.ranks.collectives.Reductions.Kind;
import dev.ranks.collectives.testkit.IntracommJobs;
import dev.ranks.collectives.testkit.NativeDevice;
import dev.ranks.collectives.testkit.NativeDevice.Call;
import dev.ranks.collectives.testkit.NativeDevice.Created;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.JobTrace;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.spi.NativeCollectives;
import dev.ranks.comm.spi.NativeOp;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Collectives the device runs itself ({@code Endpoint.nativeCollectives()}, the {@code mpi}
 * device's MPI library), on the test kit's {@link NativeDevice}: which calls go to the device and
 * with which arguments (contexts, roots, counts, in-place forms), which stay with Ranks'
 * algorithms, and that errors are the same on the device and off it.
 */
class NativeCollectivesTest {
    private static final int[] COUNTS = Reductions.COUNTS;
    private static final int WORLD = 1;
    private static final Case INT_SUM = new Case(Op.SUM, Kind.INT, Data.SIGNED);
    private static final Case DOUBLE_MAX = new Case(Op.MAX, Kind.DOUBLE, Data.SIGNED);
    private static final Case LONG_BXOR = new Case(Op.BXOR, Kind.LONG, Data.BITS);
    /** A user's operation that happens to be called SUM: still the user's function, never the device's. */
    private static final Op USER_SUM = Op.builder("SUM", true).ints(Integer::sum).build();

    // ---------------------------------------------------------------- on the device

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyCollectiveRunsOnTheDeviceFromEveryRootAtEveryCount(int size) {
        NativeDevice device = NativeDevice.all();
        device.run(size, Settings.defaults(), comm -> {
            int rank = comm.rank();
            Seen seen = new Seen(device, rank);
            comm.barrier();
            seen.next("barrier", null, null, -1, 0, false);
            for (int n : COUNTS) {
                for (int root = 0; root < size; root++) {
                    int[] buf = rank == root ? Patterns.ints(n, root) : new int[n];
                    comm.bcast(buf, root);
                    assertArrayEquals(Patterns.ints(n, root), buf, "bcast");
                    seen.next("bcast", ElementType.INT, null, root, n, false);

                    long[] around = new long[n + 2];
                    Arrays.fill(around, -1);
                    if (rank == root) {
                        System.arraycopy(Patterns.longs(n, root), 0, around, 1, n);
                    }
                    comm.bcast(around, 1, n, root);
                    assertEquals(-1, around[0]);
                    assertEquals(-1, around[n + 1]);
                    assertArrayEquals(Patterns.longs(n, root), Arrays.copyOfRange(around, 1, n + 1), "bcast at an offset");
                    seen.next("bcast", ElementType.LONG, null, root, n, false);

                    double[] blocks = Patterns.doubles(size * n, root);
                    double[] mine = new double[n];
                    comm.scatter(rank == root ? blocks : null, mine, root);
                    assertArrayEquals(Arrays.copyOfRange(blocks, rank * n, rank * n + n), mine, "scatter");
                    seen.next("scatter", ElementType.DOUBLE, null, root, n, false);

                    short[] gathered = rank == root ? new short[size * n] : null;
                    comm.gather(Patterns.shorts(n, rank), gathered, root);
                    if (rank == root) {
                        for (int i = 0; i < size; i++) {
                            assertArrayEquals(Patterns.shorts(n, i), Arrays.copyOfRange(gathered, i * n, i * n + n),
                                    "gather block " + i);
                        }
                    }
                    seen.next("gather", ElementType.SHORT, null, root, n, false);

                    Object recv = rank == root ? Kind.INT.sentinel(n) : null;
                    call(comm, "reduce", input(INT_SUM, rank, n), recv == null ? new int[0] : recv, Op.SUM, root);
                    if (rank == root) {
                        assertArray(expected(INT_SUM, 0, size, n), recv, "reduce");
                    }
                    seen.next("reduce", ElementType.INT, NativeOp.SUM, root, n, false);

                    Object work = input(DOUBLE_MAX, rank, n);
                    call(comm, "reduce", work, Op.MAX, root);
                    assertArray(rank == root ? expected(DOUBLE_MAX, 0, size, n) : input(DOUBLE_MAX, rank, n), work,
                            "reduce in place");
                    seen.next("reduce", ElementType.DOUBLE, NativeOp.MAX, root, n, rank == root);
                }
                float[] all = new float[size * n];
                comm.allgather(Patterns.floats(n, rank), all);
                float[] inPlace = new float[size * n];
                System.arraycopy(Patterns.floats(n, rank), 0, inPlace, rank * n, n);
                comm.allgather(inPlace, n);
                for (int i = 0; i < size; i++) {
                    assertArrayEquals(Patterns.floats(n, i), Arrays.copyOfRange(all, i * n, i * n + n), "allgather");
                    assertArrayEquals(Patterns.floats(n, i), Arrays.copyOfRange(inPlace, i * n, i * n + n),
                            "allgather in place");
                }
                seen.next("allgather", ElementType.FLOAT, null, -1, n, true);
                seen.next("allgather", ElementType.FLOAT, null, -1, n, true);

                char[] out = new char[size * n];
                for (int j = 0; j < size; j++) {
                    System.arraycopy(Patterns.chars(n, rank * size + j), 0, out, j * n, n);
                }
                char[] in = new char[size * n];
                comm.alltoall(out, in);
                for (int i = 0; i < size; i++) {
                    assertArrayEquals(Patterns.chars(n, i * size + rank), Arrays.copyOfRange(in, i * n, i * n + n),
                            "alltoall block from " + i);
                }
                seen.next("alltoall", ElementType.CHAR, null, -1, n, false);

                Object sum = Kind.INT.sentinel(n);
                call(comm, "allreduce", input(INT_SUM, rank, n), sum, Op.SUM);
                assertArray(expected(INT_SUM, 0, size, n), sum, "allreduce");
                seen.next("allreduce", ElementType.INT, NativeOp.SUM, -1, n, false);
                Object bits = input(LONG_BXOR, rank, n);
                call(comm, "allreduce", bits, Op.BXOR);
                assertArray(expected(LONG_BXOR, 0, size, n), bits, "allreduce in place");
                seen.next("allreduce", ElementType.LONG, NativeOp.BXOR, -1, n, true);
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 4, 7})
    void everyBuiltInOpButTheLocationsRunsOnTheDeviceOnEveryTypeItAppliesTo(int size) {
        NativeDevice device = NativeDevice.all();
        device.run(size, Settings.defaults(), comm -> {
            Seen seen = new Seen(device, comm.rank());
            for (Case c : Reductions.CASES) {
                int n = Reductions.count(c, 3 * size + 1);
                Object recv = c.kind().sentinel(n);
                call(comm, "allreduce", input(c, comm.rank(), n), recv, c.op());
                assertArray(expected(c, 0, size, n), recv, c.toString());
                Object reduced = c.kind().sentinel(n);
                call(comm, "reduce", input(c, comm.rank(), n), reduced, c.op(), size - 1);
                if (comm.rank() == size - 1) {
                    assertArray(expected(c, 0, size, n), reduced, "reduce " + c);
                }
                ElementType type = ElementType.valueOf(c.kind().name());
                if (c.op() == Op.MAXLOC || c.op() == Op.MINLOC) {
                    seen.none(c.toString());
                } else {
                    NativeOp op = NativeOp.valueOf(c.op().name());
                    seen.next("allreduce", type, op, -1, n, false);
                    seen.next("reduce", type, op, size - 1, n, false);
                }
            }
        });
    }

    // ---------------------------------------------------------------- off the device

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 4})
    void forcedAlgorithmsRunRanksOwnAlgorithms(int size) {
        Map<String, String> forced = new LinkedHashMap<>();
        for (Algorithm a : List.of(Algorithm.BARRIER_DISSEMINATION, Algorithm.BCAST_BINOMIAL, Algorithm.SCATTER_BINOMIAL,
                Algorithm.GATHER_LINEAR, Algorithm.ALLGATHER_RING, Algorithm.ALLTOALL_PAIRWISE, Algorithm.REDUCE_LINEAR,
                Algorithm.ALLREDUCE_RING)) {
            forced.put(a.collective().label(), a.label());
        }
        NativeDevice device = NativeDevice.all();
        JobTrace trace = new JobTrace();
        device.run(size, Settings.defaults().withCollectives(forced).withTrace(trace), comm -> {
            everyBlockingCollectiveOnce(comm);
            new Seen(device, comm.rank()).none("a forced algorithm");
        });
        String json = trace.part();
        for (Map.Entry<String, String> e : forced.entrySet()) {
            assertTrue(traced(json, e.getKey(), e.getValue()), e + " in " + json);
        }
        assertTrue(!json.contains("\"algorithm\":\"native\""), json);
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5})
    void aForcedSharedMemoryAlgorithmRunsInSharedMemoryAndTheOtherCollectivesOnTheDevice(int size) {
        NativeDevice device = NativeDevice.all();
        JobTrace trace = new JobTrace();
        Settings settings = Settings.defaults().withTrace(trace)
                .withCollectives(Map.of("barrier", "shm", "bcast", "shm", "allreduce", "shm"));
        device.run(size, settings, comm -> {
            everyBlockingCollectiveOnce(comm);
            List<String> names = device.calls(comm.rank()).stream().map(Call::collective).toList();
            assertEquals(List.of("scatter", "gather", "allgather", "alltoall", "reduce"), names);
        });
        String json = trace.part();
        assertTrue(traced(json, "allreduce", "shm") && traced(json, "bcast", "shm") && traced(json, "barrier", "shm")
                && traced(json, "reduce", "native"), json);
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 6})
    void locationAndUsersOpsStayOffTheDeviceForcedOrNot(int size) {
        for (Map<String, String> forced : List.of(Map.<String, String>of(),
                Map.of("reduce", "native", "allreduce", "native"))) {
            NativeDevice device = NativeDevice.all();
            device.run(size, Settings.defaults().withCollectives(forced), comm -> {
                int rank = comm.rank();
                Seen seen = new Seen(device, rank);
                for (Op op : List.of(Op.MAXLOC, Op.MINLOC)) {
                    Case c = new Case(op, Kind.DOUBLE, Data.PAIRS);
                    Object buf = input(c, rank, 8);
                    call(comm, "allreduce", buf, op);
                    assertArray(expected(c, 0, size, 8), buf, op.name());
                    Object recv = Kind.DOUBLE.sentinel(8);
                    call(comm, "reduce", input(c, rank, 8), recv, op, 0);
                    if (rank == 0) {
                        assertArray(expected(c, 0, size, 8), recv, op.name());
                    }
                }
                Case first = new Case(Reductions.FIRST, Kind.INT, Data.SIGNED);
                Object buf = input(first, rank, 5);
                call(comm, "allreduce", buf, Reductions.FIRST);
                assertArray(expected(first, 0, size, 5), buf, "a non-commutative user op");
                int[] sum = {rank};
                comm.allreduce(sum, USER_SUM);
                assertEquals(size * (size - 1) / 2, sum[0], "a user op named SUM");
                seen.none("MAXLOC, MINLOC and users' ops, forced " + forced);
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 5})
    void typesAndOpsTheDeviceDoesNotRunStayOffIt(int size) {
        NativeDevice device = NativeDevice.supporting((type, op) -> type != ElementType.CHAR && op != NativeOp.BXOR);
        device.run(size, Settings.defaults(), comm -> {
            int rank = comm.rank();
            Seen seen = new Seen(device, rank);
            char[] chars = rank == 0 ? Patterns.chars(9, 0) : new char[9];
            comm.bcast(chars, 0);
            assertArrayEquals(Patterns.chars(9, 0), chars);
            char[] all = new char[size * 3];
            comm.allgather(Patterns.chars(3, rank), all);
            assertArrayEquals(Patterns.chars(3, size - 1), Arrays.copyOfRange(all, 3 * size - 3, 3 * size));
            Object bits = input(LONG_BXOR, rank, 4);
            call(comm, "allreduce", bits, Op.BXOR);
            assertArray(expected(LONG_BXOR, 0, size, 4), bits, "BXOR");
            seen.none("char[] and BXOR");
            Object sum = input(INT_SUM, rank, 4);
            call(comm, "allreduce", sum, Op.SUM);
            assertArray(expected(INT_SUM, 0, size, 4), sum, "SUM");
            seen.next("allreduce", ElementType.INT, NativeOp.SUM, -1, 4, true);
        });
        NativeDevice movesOnly = NativeDevice.supporting((type, op) -> op == null);
        movesOnly.run(size, Settings.defaults(), comm -> {
            Seen seen = new Seen(movesOnly, comm.rank());
            int[] sum = {comm.rank()};
            comm.allreduce(sum, Op.SUM);
            assertEquals(size * (size - 1) / 2, sum[0]);
            seen.none("a reduction on a device that runs none");
            comm.bcast(sum, 0);
            comm.barrier();
            seen.next("bcast", ElementType.INT, null, 0, 1, false);
            seen.next("barrier", null, null, -1, 0, false);
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 4})
    void objectsNonBlockingCallsAndVFormsStayOffTheDevice(int size) {
        NativeDevice device = NativeDevice.all();
        device.run(size, Settings.defaults().withCollectives(Map.of("bcast", "native", "allreduce", "native")), comm -> {
            int rank = comm.rank();
            assertEquals("hi", comm.bcast(rank == 0 ? "hi" : null, 0));
            assertEquals(size - 1, comm.allreduce(rank, Op.MAX));
            List<Integer> ranks = comm.gather(rank, 0);
            assertEquals(rank == 0 ? size : -1, ranks == null ? -1 : ranks.size());
            CollectiveRequest<int[]> bcast = comm.bcastAsync(rank == 0 ? new int[] {7, 8} : new int[2], 0);
            CollectiveRequest<int[]> allreduce = comm.allreduceAsync(new int[] {1}, Op.SUM);
            CollectiveRequest<Void> barrier = comm.barrierAsync();
            assertArrayEquals(new int[] {7, 8}, bcast.get());
            assertArrayEquals(new int[] {size}, allreduce.get());
            barrier.waitFor();
            int[] counts = new int[size];
            Arrays.setAll(counts, i -> i);
            int[] displs = Blocks.displacements(counts);
            int[] gathered = new int[Blocks.total(counts)];
            comm.allgatherv(Patterns.ints(rank, rank), gathered, counts, displs);
            assertArrayEquals(Patterns.ints(size - 1, size - 1), Arrays.copyOfRange(gathered, displs[size - 1],
                    displs[size - 1] + size - 1));
            int[] mine = new int[rank];
            comm.scatterv(rank == 0 ? gathered : null, counts, displs, mine, 0);
            assertArrayEquals(Patterns.ints(rank, rank), mine);
            new Seen(device, rank).none("objects, non-blocking calls and v forms");
        });
    }

    @Test
    void aForcedNativeAlgorithmFailsTheCallOnADeviceWithoutCollectivesOfItsOwn() {
        for (Algorithm a : List.of(Algorithm.BARRIER_NATIVE, Algorithm.ALLREDUCE_NATIVE, Algorithm.ALLTOALL_NATIVE)) {
            JobResult result = Jobs.result(2, Settings.defaults().withCollectives(IntracommJobs.forced(a)),
                    comm -> everyBlockingCollectiveOnce((Intracomm) comm), Intracomm.binder(), Jobs.TIMEOUT);
            RanksException e = failure(result);
            assertEquals(ErrorClass.ARG, e.errorClass());
            assertEquals(a.collective().label() + " algorithm native was forced, but it requires a device that runs"
                    + " collectives itself (the mpi device), and this job's device has none", e.getMessage());
        }
        // Calls that never run on the device take Ranks' algorithms, as under a forced shm.
        Settings settings = Settings.defaults().withCollectives(Map.of("allreduce", "native"));
        Jobs.run(3, settings, comm -> {
            Intracomm intra = (Intracomm) comm;
            assertEquals(3, intra.allreduce(1, Op.SUM));
            assertArrayEquals(new int[] {3}, intra.allreduceAsync(new int[] {1}, Op.SUM).get());
        }, Intracomm.binder());
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 3})
    void badCallsFailAlikeOnTheDeviceAndOffIt(int size) {
        Map<String, IntracommMain> calls = new LinkedHashMap<>();
        calls.put("LAND on double[]", comm -> comm.allreduce(new double[3], Op.LAND));
        calls.put("SUM on boolean[]", comm -> comm.allreduce(new boolean[2], new boolean[2], Op.SUM));
        calls.put("BXOR on float[]", comm -> comm.reduce(new float[2], new float[2], Op.BXOR, 0));
        calls.put("null op", comm -> comm.allreduce(new int[1], null));
        calls.put("short recv", comm -> comm.allreduce(new long[3], new long[2], Op.SUM));
        calls.put("root out of range", comm -> comm.bcast(new int[1], size));
        calls.put("slice out of range", comm -> comm.bcast(new int[4], 3, 2, 0));
        calls.put("gather into too little", comm -> comm.gather(new int[2], new int[1], 0));
        calls.put("scatter into null", comm -> comm.scatter(new int[2 * size], null, 0));
        calls.put("allgather of too much", comm -> comm.allgather(new int[3], 2));
        calls.put("alltoall of unequal blocks", comm -> comm.alltoall(new int[size + 1], new int[size + 1]));
        calls.put("reduce into the wrong length", comm -> comm.reduce(new short[4], new short[3], Op.MIN, size - 1));
        for (Map.Entry<String, IntracommMain> bad : calls.entrySet()) {
            RanksException off = failure(IntracommJobs.result(size, bad.getValue()));
            NativeDevice device = NativeDevice.all();
            JobResult result = device.result(size, Settings.defaults(), bad.getValue());
            RanksException on = failure(result);
            assertEquals(off.errorClass(), on.errorClass(), bad.getKey());
            assertEquals(off.getMessage(), on.getMessage(), bad.getKey());
            assertEquals(List.of(), device.calls(result.rank()), bad.getKey() + ": the failing rank reached the device");
        }
    }

    // ---------------------------------------------------------------- communicators

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5, 8})
    void splitAndDupCommunicatorsPassTheirOwnCollectiveContextAndRanks(int size) {
        NativeDevice device = NativeDevice.all();
        device.run(size, Settings.defaults(), comm -> {
            int rank = comm.rank();
            Intracomm half = comm.split(rank % 2, -rank);
            Intracomm copy = comm.dup();
            List<Created> created = device.created(rank);
            assertEquals(2, created.size(), created::toString);
            int[] halfMembers = created.get(0).members();
            for (int i = 0; i < halfMembers.length; i++) {
                assertEquals(rank % 2, halfMembers[i] % 2);
                assertTrue(i == 0 || halfMembers[i] < halfMembers[i - 1], "ordered by key, -rank");
            }
            assertEquals(halfMembers[half.rank()], rank);
            int halfContext = created.get(0).context() + 1;
            int copyContext = created.get(1).context() + 1;
            assertNotEquals(halfContext, copyContext);
            assertNotEquals(WORLD, halfContext);
            Seen seen = new Seen(device, rank, device.calls(rank).size());

            long[] onHalf = {rank, 1};
            half.allreduce(onHalf, Op.SUM);
            long ranks = 0;
            for (int member : halfMembers) {
                ranks += member;
            }
            assertArrayEquals(new long[] {ranks, halfMembers.length}, onHalf);
            seen.next("allreduce", halfContext, ElementType.LONG, NativeOp.SUM, -1, 2, true);

            int halfRoot = half.size() - 1;
            int[] gathered = half.rank() == halfRoot ? new int[half.size()] : null;
            half.gather(new int[] {rank}, gathered, halfRoot);
            if (gathered != null) {
                assertArrayEquals(halfMembers, gathered);
            }
            seen.next("gather", halfContext, ElementType.INT, null, halfRoot, 1, false);

            int[] token = {copy.rank() == size - 1 ? 42 : 0};
            copy.bcast(token, size - 1);
            assertEquals(42, token[0]);
            seen.next("bcast", copyContext, ElementType.INT, null, size - 1, 1, false);

            half.barrier();
            copy.barrier();
            comm.barrier();
            seen.next("barrier", halfContext, null, null, -1, 0, false);
            seen.next("barrier", copyContext, null, null, -1, 0, false);
            seen.next("barrier", WORLD, null, null, -1, 0, false);
        });
    }

    // ---------------------------------------------------------------- aliasing

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 3, 5})
    void oneArrayAsSendAndReceiveGivesTheSameResultsOnTheDeviceAsOffIt(int size) {
        List<int[]> off = new ArrayList<>();
        List<int[]> on = new ArrayList<>();
        IntracommJobs.run(size, comm -> aliased(comm, off));
        NativeDevice device = NativeDevice.all();
        device.run(size, Settings.defaults(), comm -> aliased(comm, on));
        assertEquals(off.size(), on.size());
        for (int i = 0; i < off.size(); i++) {
            assertArrayEquals(off.get(i), on.get(i), "result " + i);
        }
        assertTrue(device.calls(0).stream().anyMatch(c -> c.collective().equals("alltoall")), device.calls(0)::toString);
    }

    /** Calls the collectives whose send and receive arrays may be one array at this size; rank 0 keeps the results. */
    private static void aliased(Intracomm comm, List<int[]> results) {
        int size = comm.size();
        int rank = comm.rank();
        int[] blocks = Patterns.ints(3 * size, rank);
        comm.alltoall(blocks, blocks);
        for (int i = 0; i < size; i++) {
            assertArrayEquals(Arrays.copyOfRange(Patterns.ints(3 * size, i), 3 * rank, 3 * rank + 3),
                    Arrays.copyOfRange(blocks, 3 * i, 3 * i + 3), "alltoall in place, block from " + i);
        }
        keep(comm, results, blocks);
        if (size == 1) {
            int[] buf = Patterns.ints(4, 9);
            comm.gather(buf, buf, 0);
            keep(comm, results, buf);
            comm.scatter(buf, buf, 0);
            keep(comm, results, buf);
            comm.allgather(buf, buf);
            keep(comm, results, buf);
        }
        int[] same = Patterns.ints(5, rank);
        comm.allreduce(same, same, Op.SUM);
        keep(comm, results, same);
        comm.reduce(same, same, Op.MAX, size - 1);
        keep(comm, results, same);
    }

    private static void keep(Intracomm comm, List<int[]> results, int[] result) {
        if (comm.rank() == 0) {
            results.add(result.clone());
        }
    }

    @Test
    void aSendRangeElsewhereInTheReceiveArrayGoesToTheDeviceAsACopy() {
        Captured device = new Captured();
        NativeComm c = new NativeComm(device, 7, 0, 1);
        int[] array = {1, 2, 3, 4, 5, 6};
        AllreduceNative.run(c, NativeOp.SUM, Buf.of(array), 0, Buf.of(array), 3, 3);
        assertNotEquals(array, device.send);
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) device.send);
        assertEquals(0, device.sendOffset);
        assertSame(array, device.recv);
        assertEquals(3, device.recvOffset);

        ReduceNative.run(c, NativeOp.MAX, Buf.of(array), 4, Buf.of(array), 0, 2, 0);
        assertArrayEquals(new int[] {5, 6}, (int[]) device.send);
        assertSame(array, device.recv);

        AllreduceNative.run(c, NativeOp.SUM, Buf.of(array), 2, Buf.of(array), 2, 3);
        assertSame(array, device.send, "the in-place form goes as it is");
        assertEquals(2, device.sendOffset);
        ReduceNative.run(new NativeComm(device, 7, 1, 2), NativeOp.SUM, Buf.of(array), 0, null, 0, 6, 0);
        assertSame(array, device.send);
        assertNull(device.recv, "a rank other than the root passes no receive array");
        assertEquals(7, device.context);
    }

    /** A device that only notes the arguments of its last allreduce or reduce. */
    private static final class Captured implements NativeCollectives {
        int context;
        Object send;
        int sendOffset;
        Object recv;
        int recvOffset;

        @Override
        public boolean supports(ElementType type, NativeOp op) {
            return true;
        }

        @Override
        public void reduce(int context, int root, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                           int recvOffset, int count) {
            allreduce(context, type, op, send, sendOffset, recv, recvOffset, count);
        }

        @Override
        public void allreduce(int context, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                              int recvOffset, int count) {
            this.context = context;
            this.send = send;
            this.sendOffset = sendOffset;
            this.recv = recv;
            this.recvOffset = recvOffset;
        }

        @Override
        public void barrier(int context) {
            throw new AssertionError("not expected");
        }

        @Override
        public void bcast(int context, int root, ElementType type, Object array, int offset, int count) {
            throw new AssertionError("not expected");
        }

        @Override
        public void allgather(int context, ElementType type, Object send, int sendOffset, int count, Object recv,
                              int recvOffset) {
            throw new AssertionError("not expected");
        }

        @Override
        public void gather(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                           int recvOffset) {
            throw new AssertionError("not expected");
        }

        @Override
        public void scatter(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                            int recvOffset) {
            throw new AssertionError("not expected");
        }

        @Override
        public void alltoall(int context, ElementType type, Object send, int sendOffset, int count, Object recv,
                             int recvOffset) {
            throw new AssertionError("not expected");
        }
    }

    // ---------------------------------------------------------------- trace, selector, ops

    @Test
    void aTracedJobRecordsTheNativeAlgorithm() {
        JobTrace trace = new JobTrace();
        NativeDevice.all().run(3, Settings.defaults().withTrace(trace), NativeCollectivesTest::everyBlockingCollectiveOnce);
        String json = trace.part();
        for (String collective : List.of("barrier", "bcast", "scatter", "gather", "allgather", "alltoall", "reduce",
                "allreduce")) {
            assertTrue(traced(json, collective, "native"), collective + " in " + json);
        }
    }

    @Test
    void theSelectorPicksTheNativeAlgorithmUnlessAnotherIsForced() {
        Selector defaults = new Selector(Map.of());
        assertSame(Algorithm.ALLREDUCE_NATIVE, defaults.chooseNative(Collective.ALLREDUCE, 0, true, true));
        assertSame(Algorithm.ALLTOALL_NATIVE, defaults.chooseNative(Collective.ALLTOALL, 0, true, true));
        assertNull(defaults.chooseNative(Collective.ALLREDUCE, 0, true, false));
        assertNull(defaults.chooseNative(Collective.ALLREDUCE, 0, false, false));
        Selector ring = new Selector(Map.of("allreduce", "ring", "bcast", "shm"));
        assertNull(ring.chooseNative(Collective.ALLREDUCE, 0, true, true));
        assertNull(ring.chooseNative(Collective.BCAST, 0, true, true));
        assertSame(Algorithm.BARRIER_NATIVE, ring.chooseNative(Collective.BARRIER, 0, true, true));
        Selector forced = new Selector(Map.of("allreduce", "native"));
        assertSame(Algorithm.ALLREDUCE_NATIVE, forced.chooseNative(Collective.ALLREDUCE, 0, true, true));
        assertNull(forced.chooseNative(Collective.ALLREDUCE, 0, true, false));
        assertNull(forced.chooseShared(Collective.ALLREDUCE, 0, 4, 8, true), "a forced native is not shared memory");
        assertEquals(Algorithm.ALLREDUCE_RECURSIVE_DOUBLING, forced.choose(Collective.ALLREDUCE, 0, 4, 8, Op.SUM, true),
                "what the device cannot run gets the point-to-point choice");
        RanksException e = assertThrows(RanksException.class,
                () -> forced.chooseNative(Collective.ALLREDUCE, 3, false, false));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals(3, e.rank());
    }

    @Test
    void onlyTheBuiltInOpsThatAreNotLocationsMapOntoTheDevice() {
        for (Op op : Op.builtIns()) {
            if (op == Op.MAXLOC || op == Op.MINLOC) {
                assertNull(op.nativeOp(), op.name());
            } else {
                assertEquals(NativeOp.valueOf(op.name()), op.nativeOp());
            }
        }
        assertNull(USER_SUM.nativeOp());
        assertNull(Reductions.FIRST.nativeOp());
        assertEquals(Op.builtIns().size() - 2, NativeOp.values().length);
    }

    // ---------------------------------------------------------------- helpers

    /** One blocking call of each collective that has a native algorithm, checked. */
    private static void everyBlockingCollectiveOnce(Intracomm comm) {
        int size = comm.size();
        int rank = comm.rank();
        comm.barrier();
        int[] buf = rank == 0 ? Patterns.ints(5, 0) : new int[5];
        comm.bcast(buf, 0);
        assertArrayEquals(Patterns.ints(5, 0), buf);
        int[] mine = new int[2];
        comm.scatter(rank == 0 ? Patterns.ints(2 * size, 1) : null, mine, 0);
        assertArrayEquals(Arrays.copyOfRange(Patterns.ints(2 * size, 1), 2 * rank, 2 * rank + 2), mine);
        int[] gathered = new int[size];
        comm.gather(new int[] {rank}, gathered, 0);
        int[] all = new int[size];
        comm.allgather(new int[] {rank}, all);
        for (int i = 0; i < size; i++) {
            assertEquals(i, all[i]);
            assertEquals(rank == 0 ? i : 0, gathered[i]);
        }
        int[] from = new int[size];
        comm.alltoall(all, from);
        Arrays.fill(all, rank);
        assertArrayEquals(all, from);
        int total = size * (size + 1) / 2;
        int[] sum = {rank + 1};
        comm.reduce(sum, Op.SUM, 0);
        assertEquals(rank == 0 ? total : rank + 1, sum[0]);
        comm.allreduce(sum, Op.SUM);
        assertEquals(total + total - 1, sum[0]);
    }

    /** Whether the trace holds a span of the collective with that algorithm. */
    private static boolean traced(String json, String collective, String algorithm) {
        return Pattern.compile("\"name\":\"" + collective + "\"[^}]*\"algorithm\":\"" + algorithm + "\"").matcher(json).find();
    }

    /** The device's calls on one rank, checked one at a time as the rank makes them. */
    private static final class Seen {
        private final NativeDevice device;
        private final int worldRank;
        private int next;

        Seen(NativeDevice device, int worldRank) {
            this(device, worldRank, 0);
        }

        Seen(NativeDevice device, int worldRank, int next) {
            this.device = device;
            this.worldRank = worldRank;
            this.next = next;
        }

        /** Asserts that the next call on the world communicator is this one. */
        void next(String collective, ElementType type, NativeOp op, int root, int count, boolean inPlace) {
            next(collective, WORLD, type, op, root, count, inPlace);
        }

        void next(String collective, int context, ElementType type, NativeOp op, int root, int count, boolean inPlace) {
            List<Call> calls = device.calls(worldRank);
            Call expected = new Call(collective, context, type, op, root, count, inPlace);
            assertTrue(calls.size() > next, () -> "rank " + worldRank + ": expected " + expected + ", but the device"
                    + " saw no further call");
            assertEquals(expected, calls.get(next), "rank " + worldRank);
            next++;
        }

        /** Asserts that the rank made no call on the device since the last one checked. */
        void none(String what) {
            List<Call> calls = device.calls(worldRank);
            assertEquals(List.of(), calls.subList(next, calls.size()), "rank " + worldRank + ": " + what
                    + " should not run on the device");
        }
    }
}
