package dev.ranks.topology;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.Comm;
import dev.ranks.comm.ObjectRequest;
import dev.ranks.comm.Received;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NeighborCollectivesTest {
    private static final int N = Comm.PROC_NULL;
    private static final int UNTOUCHED = 99;

    /** A topology to run on: its name, the number of ranks, and how every rank builds it. */
    private record Shape(String name, int size, Function<Intracomm, TopoComm> build) {
        @Override
        public String toString() {
            return name + " on " + size;
        }
    }

    private static Shape cart(int size, boolean periodic) {
        int[] dims = Dims.create(size, 2);
        return new Shape((periodic ? "torus " : "mesh ") + dims[0] + "x" + dims[1], size,
                comm -> CartComm.create(comm, dims, new boolean[] {periodic, periodic}, false));
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                cart(1, false), cart(1, true), cart(2, false), cart(2, true), cart(4, false), cart(4, true),
                cart(6, false), cart(6, true), cart(9, true), cart(11, false),
                new Shape("torus 2x2x2", 8, comm -> CartComm.create(comm, new int[] {2, 2, 2},
                        new boolean[] {true, true, true}, false)),
                new Shape("2x3x2 periodic, open, periodic", 12, comm -> CartComm.create(comm, new int[] {2, 3, 2},
                        new boolean[] {true, false, true}, false)),
                new Shape("graph ring", 5, comm -> GraphComm.create(comm, new int[] {2, 4, 6, 8, 10},
                        new int[] {1, 4, 2, 0, 3, 1, 4, 2, 0, 3}, false)),
                // Node 0 lists node 1 twice and itself once; node 1 lists node 0 twice.
                new Shape("graph with repeated edges and loops", 3, comm -> GraphComm.create(comm, new int[] {3, 6, 8},
                        new int[] {1, 1, 0, 0, 0, 2, 1, 2}, false)),
                new Shape("graph on the first 3 of 4 ranks", 4, comm -> GraphComm.create(comm, new int[] {2, 4, 6},
                        new int[] {1, 2, 0, 2, 0, 1}, false)),
                new Shape("dist graph one-way ring", 4, comm -> DistGraphComm.createAdjacent(comm,
                        new int[] {(comm.rank() + 3) % 4}, new int[] {(comm.rank() + 1) % 4}, false)),
                new Shape("dist graph star with a repeated edge and an isolated rank", 5, NeighborCollectivesTest::star));
    }

    /** Rank 1 sends to 0 twice, 2 and 4 send to 0, 0 sends to 2 and 4, and 3 takes no part. */
    private static TopoComm star(Intracomm comm) {
        int[][] sources = {{1, 1, 2, 4}, {}, {0}, {}, {0}};
        int[][] destinations = {{2, 4}, {0, 0}, {0}, {}, {0}};
        return DistGraphComm.createAdjacent(comm, sources[comm.rank()], destinations[comm.rank()], false);
    }

    /**
     * For each receive block of this rank, the send block of the in-neighbour that fills it; -1
     * for PROC_NULL. On a grid, the rank behind along dimension d sent it forward (block 2d+1 lands
     * in block 2d, MPI-4.1 section 8.6); on graphs, the k-th edge from a rank pairs with the k-th
     * edge to it.
     */
    private static int[] senderBlocks(TopoComm topo, List<int[]> outs) {
        int[] in = topo.inNeighbors();
        int[] blocks = new int[in.length];
        for (int k = 0; k < in.length; k++) {
            if (in[k] == N) {
                blocks[k] = -1;
            } else if (topo instanceof CartComm) {
                blocks[k] = k ^ 1;
                assertEquals(topo.rank(), outs.get(in[k])[k ^ 1], "the sender's opposite block points back here");
            } else {
                int earlier = 0;
                for (int i = 0; i < k; i++) {
                    earlier += in[i] == in[k] ? 1 : 0;
                }
                blocks[k] = occurrence(outs.get(in[k]), topo.rank(), earlier);
            }
        }
        return blocks;
    }

    private static int occurrence(int[] list, int value, int skip) {
        for (int i = 0; i < list.length; i++) {
            if (list[i] == value && skip-- == 0) {
                return i;
            }
        }
        throw new AssertionError(value + " is not listed " + (skip + 1) + " times in " + Arrays.toString(list));
    }

    private static void onEveryRank(Shape shape, Settings settings, TopoBody body) {
        IntracommJobs.run(shape.size(), settings, comm -> {
            TopoComm topo = shape.build().apply(comm);
            if (topo != null) {
                List<int[]> outs = topo.allgather(topo.outNeighbors());
                body.run(topo, topo.inNeighbors(), senderBlocks(topo, outs));
            }
        });
    }

    private interface TopoBody {
        void run(TopoComm topo, int[] in, int[] senderBlocks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void objectAllgatherGivesEachInNeighboursItem(Shape shape) {
        onEveryRank(shape, Settings.defaults(), (topo, in, blocks) -> {
            List<String> got = topo.neighborAllgather("from " + topo.rank());
            List<String> expected = new ArrayList<>();
            for (int source : in) {
                expected.add(source == N ? null : "from " + source);
            }
            assertEquals(expected, got);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void objectAlltoallDeliversEachBlockToItsNeighbour(Shape shape) {
        onEveryRank(shape, Settings.defaults(), (topo, in, blocks) -> {
            List<Integer> items = new ArrayList<>();
            for (int j = 0; j < topo.outDegree(); j++) {
                items.add(topo.rank() * 10 + j);
            }
            List<Integer> got = topo.neighborAlltoall(items);
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < in.length; k++) {
                expected.add(in[k] == N ? null : in[k] * 10 + blocks[k]);
            }
            assertEquals(expected, got, "in-neighbours " + Arrays.toString(in));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void arraysOfEveryTypeLandBlockByBlock(Shape shape) {
        onEveryRank(shape, Settings.defaults(), (topo, in, blocks) -> {
            int me = topo.rank();
            for (Kind kind : Kind.values()) {
                Object gathered = kind.array(filled(2 * in.length));
                kind.allgather.run(topo, kind.array(me, -me - 1), gathered);
                assertBlocks(kind, gathered, in, 2, (k, e) -> e == 0 ? in[k] : -in[k] - 1);

                int[] send = new int[2 * topo.outDegree()];
                for (int j = 0; j < topo.outDegree(); j++) {
                    send[2 * j] = me * 10 + j;
                    send[2 * j + 1] = -(me * 10 + j);
                }
                Object received = kind.array(filled(2 * in.length));
                kind.alltoall.run(topo, kind.array(send), received);
                assertBlocks(kind, received, in, 2, (k, e) -> (e == 0 ? 1 : -1) * (in[k] * 10 + blocks[k]));
            }
        });
    }

    private interface Expected {
        int value(int block, int element);
    }

    private static int[] filled(int n) {
        int[] values = new int[n];
        Arrays.fill(values, UNTOUCHED);
        return values;
    }

    private static void assertBlocks(Kind kind, Object recv, int[] in, int block, Expected expected) {
        assertEquals(in.length * block, Array.getLength(recv));
        for (int k = 0; k < in.length; k++) {
            for (int e = 0; e < block; e++) {
                Object want = kind.value(in[k] == N ? UNTOUCHED : expected.value(k, e));
                assertEquals(want, Array.get(recv, k * block + e), kind + " block " + k + " element " + e
                        + ", in-neighbours " + Arrays.toString(in));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void backToBackCallsWithEveryMessageWaitingForItsReceive(Shape shape) {
        onEveryRank(shape, Settings.defaults().withEagerLimit(0), (topo, in, blocks) -> {
            for (int round = 0; round < 10; round++) {
                int[] send = new int[topo.outDegree()];
                for (int j = 0; j < send.length; j++) {
                    send[j] = topo.rank() * 1000 + j * 100 + round;
                }
                int[] recv = new int[in.length];
                topo.neighborAlltoall(send, recv);
                for (int k = 0; k < in.length; k++) {
                    assertEquals(in[k] == N ? 0 : in[k] * 1000 + blocks[k] * 100 + round, recv[k], "round " + round);
                }
            }
        });
    }

    @Test
    void emptyBlocksAreAllowed() {
        onEveryRank(cart(4, true), Settings.defaults(), (topo, in, blocks) -> {
            topo.neighborAlltoall(new double[0], new double[0]);
            topo.neighborAllgather(new long[0], new long[0]);
            assertEquals(in.length, topo.neighborAllgather((Object) null).size());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userTrafficShapes")
    void neighbourTrafficNeverMatchesAUserReceivePostedBefore(Shape shape) {
        IntracommJobs.run(shape.size(), comm -> {
            TopoComm topo = shape.build().apply(comm);
            int left = (topo.rank() + topo.size() - 1) % topo.size();
            int right = (topo.rank() + 1) % topo.size();
            ObjectRequest<Object> onTopo = topo.irecv(Comm.ANY_SOURCE, Comm.ANY_TAG);
            ObjectRequest<Object> onParent = comm.irecv(Comm.ANY_SOURCE, Comm.ANY_TAG);

            topo.neighborAllgather(topo.rank());
            topo.neighborAlltoall(new int[topo.outDegree()], new int[topo.inDegree()]);
            topo.neighborAlltoall(new ArrayList<>(java.util.Collections.nCopies(topo.outDegree(), "x")));
            topo.barrier();

            topo.send("user on topo", right, 7);
            comm.send("user on parent", right, 8);
            assertEquals("user on topo", onTopo.get());
            Status status = onTopo.waitFor();
            assertEquals(left, status.source());
            assertEquals(7, status.tag());
            assertEquals("user on parent", onParent.get());
            assertEquals(8, onParent.waitFor().tag());
        });
    }

    static Stream<Shape> userTrafficShapes() {
        return Stream.of(cart(2, true), cart(6, false), cart(9, true),
                new Shape("graph ring", 5, comm -> GraphComm.create(comm, new int[] {2, 4, 6, 8, 10},
                        new int[] {1, 4, 2, 0, 3, 1, 4, 2, 0, 3}, false)),
                new Shape("dist graph one-way ring", 4, comm -> DistGraphComm.createAdjacent(comm,
                        new int[] {(comm.rank() + 3) % 4}, new int[] {(comm.rank() + 1) % 4}, false)));
    }

    @Test
    void theCookbooksMeshAndTorusByHand() {
        IntracommJobs.run(4, comm -> {
            CartComm mesh = CartComm.create(comm, new int[] {2, 2}, new boolean[] {false, false}, false);
            CartComm torus = CartComm.create(comm, new int[] {2, 2}, new boolean[] {true, true}, false);
            // in-neighbours: up, down, left, right
            Integer[][] meshExpected = {{null, 2, null, 1}, {null, 3, 0, null}, {0, null, null, 3}, {1, null, 2, null}};
            Integer[][] torusExpected = {{2, 2, 1, 1}, {3, 3, 0, 0}, {0, 0, 3, 3}, {1, 1, 2, 2}};
            assertEquals(Arrays.asList(meshExpected[comm.rank()]), mesh.neighborAllgather(comm.rank()));
            assertEquals(Arrays.asList(torusExpected[comm.rank()]), torus.neighborAllgather(comm.rank()));

            // Each rank sends "r:direction"; what arrives from up is what the rank above sent down.
            List<String> directions = List.of("up", "down", "left", "right");
            List<String> sent = directions.stream().map(d -> comm.rank() + ":" + d).toList();
            String[][] torusGot = {
                {"2:down", "2:up", "1:right", "1:left"},
                {"3:down", "3:up", "0:right", "0:left"},
                {"0:down", "0:up", "3:right", "3:left"},
                {"1:down", "1:up", "2:right", "2:left"}};
            assertEquals(Arrays.asList(torusGot[comm.rank()]), torus.neighborAlltoall(sent));
            List<String> meshGot = mesh.neighborAlltoall(sent);
            for (int k = 0; k < 4; k++) {
                Integer from = meshExpected[comm.rank()][k];
                assertEquals(from == null ? null : from + ":" + directions.get(k ^ 1), meshGot.get(k));
            }
            int[] recv = {-1, -1, -1, -1};
            mesh.neighborAllgather(new int[] {comm.rank() * 10}, recv);
            for (int k = 0; k < 4; k++) {
                Integer from = meshExpected[comm.rank()][k];
                assertEquals(from == null ? -1 : from * 10, recv[k]);
            }
        });
    }

    @Test
    void aRankAloneOnAPeriodicGridTalksToItself() {
        IntracommJobs.run(1, comm -> {
            CartComm ring = CartComm.create(comm, new int[] {1, 1}, new boolean[] {true, false}, false);
            assertArrayEquals(new int[] {0, 0, N, N}, ring.inNeighbors());
            List<String> got = ring.neighborAlltoall(List.of("back", "forward", "left", "right"));
            assertEquals(Arrays.asList("forward", "back", null, null), got);
        });
    }

    @Test
    void receivedObjectsAreCopies() {
        IntracommJobs.run(2, comm -> {
            CartComm ring = CartComm.create(comm, new int[] {2}, new boolean[] {true}, false);
            int[] mine = {comm.rank()};
            List<int[]> got = ring.neighborAllgather(mine);
            mine[0] = -5;
            assertArrayEquals(new int[] {1 - comm.rank()}, got.get(0));
            assertArrayEquals(new int[] {1 - comm.rank()}, got.get(1));
        });
    }

    @Test
    void userMessagesOnTheTopologyStillWork() {
        IntracommJobs.run(3, comm -> {
            GraphComm triangle = GraphComm.create(comm, new int[] {2, 4, 6}, new int[] {1, 2, 0, 2, 0, 1}, false);
            triangle.send(triangle.rank(), (triangle.rank() + 1) % 3, 0);
            Received<Integer> got = triangle.recvWithStatus(Comm.ANY_SOURCE, 0);
            assertEquals((triangle.rank() + 2) % 3, got.value());
            assertNull(comm.iprobe(Comm.ANY_SOURCE, Comm.ANY_TAG).orElse(null), "nothing leaked onto the parent");
        });
    }
}
