package dev.ranks.topology;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A communicator whose ranks are the nodes of a graph that every rank knows whole
 * (MPI_Graph_create and the MPI_Graph_* calls; mpi4py's {@code Graphcomm}).
 *
 * <p>The graph is given as MPI gives it: {@code index[i]} is the number of edges of nodes
 * {@code 0 .. i} together, and {@code edges} lists the neighbours of node 0, then of node 1, and so
 * on. A ring of 4 ranks is {@code index = {2, 4, 6, 8}}, {@code edges = {1, 3, 0, 2, 1, 3, 2, 0}}.
 * Edges may repeat and may point at their own node.
 *
 * <p>Neighbour collectives send to and receive from {@link #neighbors(int)} of this rank, in that
 * order (see {@link TopoComm}). They need every edge at both its ends, as many times at each; on a
 * graph that has some edge only at one end they fail on every rank, naming the edge, instead of
 * waiting for a message that never comes.
 *
 * <p>{@link #create(Intracomm, int[], int[], boolean)} is a static factory taking the parent
 * communicator, not a method of {@code Intracomm}, because modules depend one way
 * ({@code collectives <- topology}).
 */
public final class GraphComm extends TopoComm {
    private final int[] index;
    private final int[] edges;
    private final int[] mine;
    private final String asymmetry;

    /** Takes over {@code graph}, whose ranks are the nodes in order; collective over them. */
    private GraphComm(Intracomm graph, int[] index, int[] edges) {
        super(graph);
        this.index = index;
        this.edges = edges;
        this.mine = neighborsOf(rank());
        this.asymmetry = asymmetry(index, edges);
    }

    /**
     * Arranges the first ranks of a communicator as the nodes of a graph (MPI_Graph_create,
     * mpi4py's {@code comm.Create_graph}). Collective over {@code comm}; every rank passes the same
     * arguments. Ranks {@code 0 .. index.length - 1} of {@code comm} become nodes {@code 0, 1, …},
     * keeping their order; the others get null (MPI_COMM_NULL). The graph has contexts of its own.
     *
     * @param comm the communicator whose ranks become the nodes
     * @param index for each node, the number of edges of it and of every node before it
     *     (non-decreasing); its length is the number of nodes, at most {@code comm.size()}
     * @param edges the neighbours of node 0, then of node 1, …: exactly {@code index[nnodes - 1]}
     *     entries, each a node {@code 0 .. nnodes - 1}
     * @param reorder whether ranks may be renumbered; allowed by MPI, but Ranks keeps the identity
     * @return this rank's graph communicator, or null for a rank that is not a node
     * @throws RanksException ({@link ErrorClass#ARG}) when an argument is null, there are more nodes
     *     than ranks, {@code index} decreases or starts below 0, {@code edges} does not have
     *     {@code index[nnodes - 1]} entries, or an edge names no node
     */
    public static GraphComm create(Intracomm comm, int[] index, int[] edges, boolean reorder) {
        if (comm == null) {
            throw new RanksException(ErrorClass.ARG, "GraphComm.create: comm is null: expected the parent communicator");
        }
        checkGraph(comm, index, edges);
        Intracomm graph = comm.split(comm.rank() < index.length ? 0 : UNDEFINED, comm.rank());
        return graph == null ? null : new GraphComm(graph, index.clone(), edges.clone());
    }

    private static void checkGraph(Intracomm comm, int[] index, int[] edges) {
        String where = "GraphComm.create: ";
        if (index == null || edges == null) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), where + (index == null ? "index" : "edges")
                    + " is null: expected an array (empty for a graph of no nodes)", null);
        }
        int nnodes = index.length;
        if (nnodes > comm.size()) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), where + "index describes " + nnodes
                    + " nodes but the communicator has " + comm.size() + " ranks: expected at most " + comm.size()
                    + " nodes", null);
        }
        for (int i = 0; i < nnodes; i++) {
            int before = i == 0 ? 0 : index[i - 1];
            if (index[i] < before) {
                throw new RanksException(ErrorClass.ARG, comm.rank(), where + "index[" + i + "] = " + index[i]
                        + " is below " + (i == 0 ? "0" : "index[" + (i - 1) + "] = " + before)
                        + ": expected running totals of edges, never decreasing", null);
            }
        }
        int total = nnodes == 0 ? 0 : index[nnodes - 1];
        if (edges.length != total) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), where + "edges has " + edges.length
                    + " entries but index " + Arrays.toString(index) + " counts " + total
                    + " edges: expected index[nnodes - 1] entries", null);
        }
        for (int e = 0; e < edges.length; e++) {
            if (edges[e] < 0 || edges[e] >= nnodes) {
                throw new RanksException(ErrorClass.ARG, comm.rank(), where + "edges[" + e + "] = " + edges[e]
                        + " names no node: expected 0.." + (nnodes - 1), null);
            }
        }
    }

    /**
     * Why neighbour collectives cannot run on this graph: the first pair of nodes, in order, that
     * list each other a different number of times; null when there is none.
     */
    private static String asymmetry(int[] index, int[] edges) {
        Map<Long, Integer> count = new TreeMap<>();
        for (int i = 0; i < index.length; i++) {
            for (int e = i == 0 ? 0 : index[i - 1]; e < index[i]; e++) {
                count.merge(pair(i, edges[e]), 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> entry : count.entrySet()) {
            int from = (int) (entry.getKey() >>> 32);
            int to = (int) (long) entry.getKey();
            int back = count.getOrDefault(pair(to, from), 0);
            if (back != entry.getValue()) {
                return "node " + from + " lists node " + to + " " + times(entry.getValue()) + " but node " + to
                        + " lists node " + from + " " + times(back);
            }
        }
        return null;
    }

    private static long pair(int from, int to) {
        return ((long) from << 32) | to;
    }

    private static String times(int n) {
        return n == 0 ? "never" : n == 1 ? "once" : n + " times";
    }

    /**
     * The neighbours of a node, in the order of {@code edges} (MPI_Graph_neighbors).
     *
     * @param rank a rank of this communicator
     * @return its neighbours, a new array; may repeat a rank
     * @throws RanksException ({@link ErrorClass#RANK}) when {@code rank} is not in {@code 0 .. size() - 1}
     */
    public int[] neighbors(int rank) {
        checkRank(rank, "neighbors");
        return neighborsOf(rank);
    }

    /**
     * The number of neighbours of a node (MPI_Graph_neighbors_count).
     *
     * @param rank a rank of this communicator
     * @return the number of its edges
     * @throws RanksException ({@link ErrorClass#RANK}) when {@code rank} is not in {@code 0 .. size() - 1}
     */
    public int neighborCount(int rank) {
        checkRank(rank, "neighborCount");
        return index[rank] - (rank == 0 ? 0 : index[rank - 1]);
    }

    /** @return the running edge counts given at creation, a new array (MPI_Graph_get's index) */
    public int[] index() {
        return index.clone();
    }

    /** @return the edges given at creation, a new array (MPI_Graph_get's edges) */
    public int[] edges() {
        return edges.clone();
    }

    /**
     * The same graph over the same ranks with contexts of its own (MPI_Comm_dup, which keeps the
     * topology). Collective.
     *
     * @return the duplicate
     */
    @Override
    public GraphComm dup() {
        return new GraphComm(super.dup(), index, edges);
    }

    private void checkRank(int rank, String call) {
        if (rank < 0 || rank >= size()) {
            throw new RanksException(ErrorClass.RANK, rank(), call + ": rank " + rank + " is out of range: expected 0.."
                    + (size() - 1), null);
        }
    }

    private int[] neighborsOf(int rank) {
        return Arrays.copyOfRange(edges, rank == 0 ? 0 : index[rank - 1], index[rank]);
    }

    @Override
    int[] inList() {
        return mine;
    }

    @Override
    int[] outList() {
        return mine;
    }

    @Override
    void checkNeighbors(String collective) {
        if (asymmetry != null) {
            throw new RanksException(ErrorClass.ARG, rank(), collective + " on a graph whose edges are not symmetric: "
                    + asymmetry + ": expected every edge listed as often at both of its ends, since neighbour"
                    + " collectives send along each edge both ways", null);
        }
    }
}
