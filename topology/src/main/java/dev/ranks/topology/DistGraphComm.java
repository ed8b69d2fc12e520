package dev.ranks.topology;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A communicator whose ranks form a directed graph that each rank describes only around itself
 * (MPI_Dist_graph_create_adjacent and MPI_Dist_graph_neighbors; mpi4py's {@code Distgraphcomm}):
 * every rank names the ranks it receives from (its sources) and the ranks it sends to (its
 * destinations). Unweighted: MPI's edge weights and info hints have no counterpart here.
 *
 * <pre>
 * // a one-way ring: receive from the left, send to the right
 * int left = (comm.rank() + comm.size() - 1) % comm.size();
 * int right = (comm.rank() + 1) % comm.size();
 * DistGraphComm ring = DistGraphComm.createAdjacent(comm, new int[] {left}, new int[] {right}, false);
 * List&lt;Integer&gt; fromLeft = ring.neighborAllgather(comm.rank());   // [left]
 * </pre>
 *
 * <p>Neighbour collectives receive block {@code k} from {@link #sources()}{@code [k]} and send block
 * {@code j} to {@link #destinations()}{@code [j]} (see {@link TopoComm}). Creation checks that the
 * ranks agree: each edge must appear in its tail's destinations as often as in its head's sources.
 *
 * <p>{@link #createAdjacent(Intracomm, int[], int[], boolean)} is a static factory taking the
 * parent communicator, not a method of {@code Intracomm}, because modules depend one way
 * ({@code collectives <- topology}).
 */
public final class DistGraphComm extends TopoComm {
    private final int[] sources;
    private final int[] destinations;

    /** Takes over {@code graph}; collective over its ranks. */
    private DistGraphComm(Intracomm graph, int[] sources, int[] destinations) {
        super(graph);
        this.sources = sources;
        this.destinations = destinations;
    }

    /**
     * Builds a distributed graph over every rank of a communicator from each rank's own edges
     * (MPI_Dist_graph_create_adjacent, mpi4py's {@code comm.Create_dist_graph_adjacent}).
     * Collective over {@code comm}: every rank gets a communicator with contexts of its own. The
     * ranks first exchange their lists, so that a mistake on any rank fails every rank with the
     * same message.
     *
     * @param comm the communicator whose ranks form the graph
     * @param sources the ranks this rank receives from, in block order; may repeat a rank
     * @param destinations the ranks this rank sends to, in block order; may repeat a rank
     * @param reorder whether ranks may be renumbered; allowed by MPI, but Ranks keeps the identity
     * @return this rank's graph communicator
     * @throws RanksException ({@link ErrorClass#ARG}) on every rank when some rank passes a null
     *     list or names a rank outside {@code comm}, or when the lists disagree: rank {@code a}
     *     lists {@code b} as a destination a different number of times than {@code b} lists
     *     {@code a} as a source
     */
    public static DistGraphComm createAdjacent(Intracomm comm, int[] sources, int[] destinations, boolean reorder) {
        if (comm == null) {
            throw new RanksException(ErrorClass.ARG,
                    "DistGraphComm.createAdjacent: comm is null: expected the parent communicator");
        }
        List<int[][]> all = comm.allgather(new int[][] {sources, destinations});
        check(comm, all);
        return new DistGraphComm(comm.dup(), sources.clone(), destinations.clone());
    }

    /** Checks every rank's lists, in rank order, so that every rank finds the same first mistake. */
    private static void check(Intracomm comm, List<int[][]> all) {
        String where = "DistGraphComm.createAdjacent: ";
        Map<Long, Integer> sent = new TreeMap<>();
        Map<Long, Integer> received = new TreeMap<>();
        for (int r = 0; r < all.size(); r++) {
            int[] in = all.get(r)[0];
            int[] out = all.get(r)[1];
            checkList(comm, where, r, "sources", in);
            checkList(comm, where, r, "destinations", out);
            for (int s : in) {
                received.merge(edge(s, r), 1, Integer::sum);
            }
            for (int d : out) {
                sent.merge(edge(r, d), 1, Integer::sum);
            }
        }
        Map<Long, Integer> every = new TreeMap<>(sent);
        received.forEach(every::putIfAbsent);
        for (long e : every.keySet()) {
            int tail = (int) (e >>> 32);
            int head = (int) e;
            int out = sent.getOrDefault(e, 0);
            int in = received.getOrDefault(e, 0);
            if (out != in) {
                throw new RanksException(ErrorClass.ARG, comm.rank(), where + "rank " + tail + " lists rank " + head
                        + " as a destination " + times(out) + " but rank " + head + " lists rank " + tail
                        + " as a source " + times(in) + ": expected every edge as often at both of its ends", null);
            }
        }
    }

    private static void checkList(Intracomm comm, String where, int rank, String name, int[] list) {
        if (list == null) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), where + "rank " + rank + "'s " + name
                    + " is null: expected an array of ranks (empty for none)", null);
        }
        for (int i = 0; i < list.length; i++) {
            if (list[i] < 0 || list[i] >= comm.size()) {
                throw new RanksException(ErrorClass.ARG, comm.rank(), where + "rank " + rank + "'s " + name + "[" + i
                        + "] = " + list[i] + " is out of range: expected 0.." + (comm.size() - 1), null);
            }
        }
    }

    private static long edge(int tail, int head) {
        return ((long) tail << 32) | head;
    }

    private static String times(int n) {
        return n == 0 ? "never" : n == 1 ? "once" : n + " times";
    }

    /** @return the ranks this rank receives from, in block order, a new array (MPI_Dist_graph_neighbors' sources) */
    public int[] sources() {
        return sources.clone();
    }

    /** @return the ranks this rank sends to, in block order, a new array (MPI_Dist_graph_neighbors' destinations) */
    public int[] destinations() {
        return destinations.clone();
    }

    /**
     * The same graph over the same ranks with contexts of its own (MPI_Comm_dup, which keeps the
     * topology). Collective.
     *
     * @return the duplicate
     */
    @Override
    public DistGraphComm dup() {
        return new DistGraphComm(super.dup(), sources, destinations);
    }

    @Override
    int[] inList() {
        return sources;
    }

    @Override
    int[] outList() {
        return destinations;
    }
}
