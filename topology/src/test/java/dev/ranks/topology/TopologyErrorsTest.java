package dev.ranks.topology;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ranks.collectives.Op;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails on every rank with a message naming the bad value and what was expected. */
class TopologyErrorsTest {
    private static void fails(ErrorClass errorClass, String message, Executable call) {
        RanksException e = assertThrows(RanksException.class, call);
        assertEquals(errorClass, e.errorClass(), e::getMessage);
        assertEquals(message, e.getMessage());
    }

    @Test
    void badGridsFailBeforeAnyMessage() {
        IntracommJobs.run(4, comm -> {
            fails(ErrorClass.ARG, "CartComm.create: dims [3, 3] make a grid of 9 ranks but the communicator has 4:"
                    + " expected a product of at most 4",
                    () -> CartComm.create(comm, new int[] {3, 3}, new boolean[] {false, false}, false));
            fails(ErrorClass.ARG, "CartComm.create: dims[1] = -2 is invalid: expected a positive extent",
                    () -> CartComm.create(comm, new int[] {2, -2}, new boolean[] {false, false}, false));
            fails(ErrorClass.ARG, "CartComm.create: dims[0] = 0 is invalid: expected a positive extent",
                    () -> CartComm.create(comm, new int[] {0, 2}, new boolean[] {false, false}, false));
            fails(ErrorClass.ARG, "CartComm.create: periods has 3 entries but dims has 2: expected one period per"
                    + " dimension", () -> CartComm.create(comm, new int[] {2, 2}, new boolean[3], false));
            fails(ErrorClass.ARG, "CartComm.create: periods has no entries but dims has 2: expected one period per"
                    + " dimension", () -> CartComm.create(comm, new int[] {2, 2}, null, false));
            fails(ErrorClass.ARG, "CartComm.create: dims is null: expected one positive extent per dimension",
                    () -> CartComm.create(comm, null, new boolean[0], false));
            fails(ErrorClass.ARG, "CartComm.create: dims [65536, 65536] make a grid of more than 2147483647 ranks"
                    + " but the communicator has 4: expected a product of at most 4",
                    () -> CartComm.create(comm, new int[] {65536, 65536}, new boolean[2], false));
            // Every rank failed before any message: the communicator is still in step.
            assertEquals(6, (int) comm.allreduce(comm.rank(), Op.SUM));
        });
        fails(ErrorClass.ARG, "CartComm.create: comm is null: expected the parent communicator",
                () -> CartComm.create(null, new int[] {1}, new boolean[1], false));
    }

    @Test
    void coordinatesOutsideTheGridAreNamed() {
        IntracommJobs.run(6, comm -> {
            CartComm grid = CartComm.create(comm, new int[] {2, 3}, new boolean[] {true, false}, false);
            fails(ErrorClass.ARG, "rankOf: coords[1] = 3 is outside dimension 1, which is open with extent 3:"
                    + " expected 0..2", () -> grid.rankOf(0, 3));
            fails(ErrorClass.ARG, "rankOf: coords[1] = -1 is outside dimension 1, which is open with extent 3:"
                    + " expected 0..2", () -> grid.rankOf(5, -1));
            fails(ErrorClass.ARG, "rankOf: got 3 coordinates: expected 2, one per dimension",
                    () -> grid.rankOf(0, 0, 0));
            fails(ErrorClass.ARG, "rankOf: got no coordinates: expected 2, one per dimension",
                    () -> grid.rankOf((int[]) null));
            fails(ErrorClass.RANK, "coords: rank 6 is out of range: expected 0..5", () -> grid.coords(6));
            fails(ErrorClass.RANK, "coords: rank -1 is out of range: expected 0..5", () -> grid.coords(-1));
            fails(ErrorClass.ARG, "shift: dimension 2 is out of range: expected 0..1", () -> grid.shift(2, 1));
            fails(ErrorClass.ARG, "shift: dimension -1 is out of range: expected 0..1", () -> grid.shift(-1, 1));
            fails(ErrorClass.ARG, "sub: remainDims has 1 entries: expected 2, one per dimension",
                    () -> grid.sub(new boolean[] {true}));
            CartComm point = grid.sub(new boolean[] {false, false});
            fails(ErrorClass.ARG, "shift: dimension 0 is out of range: expected none, the grid has no dimensions",
                    () -> point.shift(0, 1));
        });
    }

    @Test
    void inconsistentGraphsAreNamed() {
        IntracommJobs.run(3, comm -> {
            fails(ErrorClass.ARG, "GraphComm.create: edges has 3 entries but index [2, 4] counts 4 edges: expected"
                    + " index[nnodes - 1] entries",
                    () -> GraphComm.create(comm, new int[] {2, 4}, new int[] {1, 0, 1}, false));
            fails(ErrorClass.ARG, "GraphComm.create: index[1] = 1 is below index[0] = 2: expected running totals of"
                    + " edges, never decreasing",
                    () -> GraphComm.create(comm, new int[] {2, 1}, new int[] {1}, false));
            fails(ErrorClass.ARG, "GraphComm.create: index[0] = -1 is below 0: expected running totals of edges,"
                    + " never decreasing",
                    () -> GraphComm.create(comm, new int[] {-1, 0}, new int[0], false));
            fails(ErrorClass.ARG, "GraphComm.create: edges[1] = 2 names no node: expected 0..1",
                    () -> GraphComm.create(comm, new int[] {1, 2}, new int[] {1, 2}, false));
            fails(ErrorClass.ARG, "GraphComm.create: index describes 4 nodes but the communicator has 3 ranks:"
                    + " expected at most 3 nodes",
                    () -> GraphComm.create(comm, new int[] {0, 0, 0, 0}, new int[0], false));
            fails(ErrorClass.ARG, "GraphComm.create: edges is null: expected an array (empty for a graph of no"
                    + " nodes)", () -> GraphComm.create(comm, new int[] {0}, null, false));
        });
    }

    @Test
    void aGraphOfNoNodesLeavesEveryRankOut() {
        IntracommJobs.run(3, comm -> assertEquals(null, GraphComm.create(comm, new int[0], new int[0], false)));
    }

    @Test
    void neighbourCollectivesRefuseAOneWayGraphOnEveryRank() {
        IntracommJobs.run(3, comm -> {
            // Node 0 lists node 1, but node 1 does not list node 0.
            GraphComm graph = GraphComm.create(comm, new int[] {1, 2, 3}, new int[] {1, 2, 2}, false);
            assertEquals(2, graph.neighbors(1)[0]);
            assertEquals(1, graph.neighborCount(0));
            fails(ErrorClass.ARG, "neighborAllgather on a graph whose edges are not symmetric: node 0 lists node 1"
                    + " once but node 1 lists node 0 never: expected every edge listed as often at both of its"
                    + " ends, since neighbour collectives send along each edge both ways",
                    () -> graph.neighborAllgather("x"));
            fails(ErrorClass.RANK, "neighbors: rank 3 is out of range: expected 0..2", () -> graph.neighbors(3));
            fails(ErrorClass.RANK, "neighborCount: rank -1 is out of range: expected 0..2", () -> graph.neighborCount(-1));
        });
    }

    @Test
    void distributedGraphsWhoseRanksDisagreeFailOnEveryRank() {
        IntracommJobs.run(3, comm -> {
            int[] none = {};
            // Rank 0 sends to 1, but rank 1 does not expect it.
            fails(ErrorClass.ARG, "DistGraphComm.createAdjacent: rank 0 lists rank 1 as a destination once but rank 1"
                    + " lists rank 0 as a source never: expected every edge as often at both of its ends",
                    () -> DistGraphComm.createAdjacent(comm, none, comm.rank() == 0 ? new int[] {1} : none, false));
            // Only rank 2 is wrong, yet every rank learns it.
            fails(ErrorClass.ARG, "DistGraphComm.createAdjacent: rank 2's sources[0] = 3 is out of range:"
                    + " expected 0..2",
                    () -> DistGraphComm.createAdjacent(comm, comm.rank() == 2 ? new int[] {3} : none, none, false));
            fails(ErrorClass.ARG, "DistGraphComm.createAdjacent: rank 1's destinations is null: expected an array of"
                    + " ranks (empty for none)",
                    () -> DistGraphComm.createAdjacent(comm, none, comm.rank() == 1 ? null : none, false));
            DistGraphComm fine = DistGraphComm.createAdjacent(comm, none, none, true);
            assertEquals(0, fine.sources().length);
            assertEquals(0, fine.destinations().length);
        });
    }

    @Test
    void badBuffersAreNamed() {
        IntracommJobs.run(4, comm -> {
            CartComm torus = CartComm.create(comm, new int[] {2, 2}, new boolean[] {true, true}, false);
            fails(ErrorClass.COUNT, "neighborAllgather: recv has 7 elements: expected 8, 4 in-neighbours times"
                    + " send's 2", () -> torus.neighborAllgather(new int[2], new int[7]));
            fails(ErrorClass.COUNT, "neighborAlltoall: send has 6 elements, which do not split into 4 equal blocks,"
                    + " one per out-neighbour: expected a multiple of 4",
                    () -> torus.neighborAlltoall(new double[6], new double[8]));
            fails(ErrorClass.COUNT, "neighborAlltoall: send splits into blocks of 2 elements but recv into blocks"
                    + " of 3: expected blocks of one size", () -> torus.neighborAlltoall(new long[8], new long[12]));
            fails(ErrorClass.ARG, "neighborAlltoall: send and recv are the same array: expected two arrays (there is"
                    + " no in-place form)", () -> {
                        int[] both = new int[4];
                        torus.neighborAlltoall(both, both);
                    });
            fails(ErrorClass.ARG, "neighborAllgather: recv is null: expected an array",
                    () -> torus.neighborAllgather(new byte[1], null));
            fails(ErrorClass.COUNT, "neighborAlltoall: expecting 4 items, one per out-neighbour, got 3",
                    () -> torus.neighborAlltoall(List.of(1, 2, 3)));
            fails(ErrorClass.ARG, "neighborAlltoall: the list of items is null: expected 4 items, one per"
                    + " out-neighbour", () -> torus.neighborAlltoall((List<Object>) null));
            // Nothing was sent: the next neighbour collective still pairs up.
            assertEquals(4, torus.neighborAllgather(torus.rank()).size());
        });
        IntracommJobs.run(2, comm -> {
            DistGraphComm oneWay = DistGraphComm.createAdjacent(comm, comm.rank() == 1 ? new int[] {0} : new int[0],
                    comm.rank() == 0 ? new int[] {1} : new int[0], false);
            if (comm.rank() == 0) {
                fails(ErrorClass.COUNT, "neighborAlltoall: recv has 2 elements but this rank has no in-neighbours:"
                        + " expected 0", () -> oneWay.neighborAlltoall(new int[2], new int[2]));
            }
            int[] recv = new int[comm.rank() == 1 ? 2 : 0];
            oneWay.neighborAlltoall(comm.rank() == 0 ? new int[] {5, 6} : new int[0], recv);
            if (comm.rank() == 1) {
                assertEquals(List.of(5, 6), List.of(recv[0], recv[1]));
            }
        });
    }
}
