package dev.ranks.topology;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.ObjectRequest;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Request;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An intra-communicator with a virtual topology (MPI's process topologies): a {@link CartComm}
 * grid, a {@link GraphComm} graph or a {@link DistGraphComm} distributed graph, and the neighbour
 * collectives among its ranks (MPI_Neighbor_allgather, MPI_Neighbor_alltoall).
 *
 * <p><b>Neighbours.</b> Each rank has a list of in-neighbours, which it receives from, and a list
 * of out-neighbours, which it sends to ({@link #inNeighbors()}, {@link #outNeighbors()}). On a
 * Cartesian grid both lists are, for each dimension in turn, the neighbour one step back and the
 * one step forward ({@code shift(d, 1).source()}, then {@code .dest()}), with {@link #PROC_NULL}
 * past an open edge; on a graph both are the rank's neighbours in the order of the edges; on a
 * distributed graph they are the sources and destinations given at creation. A list may name one
 * rank more than once.
 *
 * <p><b>Neighbour collectives.</b> Every rank of the communicator calls them, in the same order.
 * {@code neighborAllgather} sends one item, or one array, to every out-neighbour and returns one
 * per in-neighbour; {@code neighborAlltoall} sends item or block {@code j} to out-neighbour
 * {@code j}. Objects come back as lists, one entry per in-neighbour in list order, null where the
 * neighbour is {@link #PROC_NULL}; primitive arrays (all eight types) are received block by block
 * into the caller's array, and a block from {@link #PROC_NULL} is left as it was. There is no
 * in-place form: {@code send} and {@code recv} must be different arrays.
 *
 * <p><b>A context of their own.</b> Creating a topology communicator also agrees on a second,
 * hidden context (a {@code dup()} of it, made while every member is inside the collective
 * creation call), and neighbour collectives send only there. Neither a user's point-to-point
 * message on this communicator, not even a receive posted with {@link #ANY_SOURCE} and
 * {@link #ANY_TAG} before the collective, nor this communicator's other collectives can match
 * neighbour traffic or be matched by it. The alternatives are worse: a reserved tag on the user's
 * context is matched by {@code ANY_TAG} receives, and {@code Intracomm}'s collective context is
 * private to it and numbers its tags by its own calls. The hidden context costs one allreduce when
 * the communicator is created and nothing per call.
 *
 * <p><b>The same neighbour twice.</b> A periodic dimension of extent 1 or 2 makes one rank both the
 * neighbour back and the neighbour forward, and a graph may list an edge twice, so two blocks of
 * one call travel between the same pair. They still land in the right blocks. On a Cartesian grid
 * the block sent forward along dimension {@code d} (block {@code 2d+1}) arrives as the receiver's
 * block from behind (block {@code 2d}) and the other way round, as MPI-4.1 section 8.6 requires:
 * each message carries the number of the block it fills as its tag. On graphs the k-th edge from a
 * rank to another pairs with the k-th edge from the other back: one tag, receives posted in list
 * order, and MPI's non-overtaking order between one pair does the rest.
 *
 * <p>Topology communicators are created by static factories, not by methods of
 * {@code Intracomm}: module {@code topology} depends on {@code collectives}, not the other way
 * round. {@code dup()} keeps the topology; {@code split} returns a plain {@code Intracomm}.
 */
public abstract sealed class TopoComm extends Intracomm permits CartComm, GraphComm, DistGraphComm {
    private final Intracomm neighborhood;

    /** Takes over {@code base}'s context; collective over its members (agrees on the hidden context). */
    TopoComm(Intracomm base) {
        super(base);
        this.neighborhood = super.dup();
    }

    /** This rank's in-neighbours, in block order; not copied, never changed. */
    abstract int[] inList();

    /** This rank's out-neighbours, in block order; not copied, never changed. */
    abstract int[] outList();

    /** The tag of the message that carries send block {@code slot}. */
    int sendTag(int slot) {
        return 0;
    }

    /** The tag of the message that fills receive block {@code slot}. */
    int recvTag(int slot) {
        return 0;
    }

    /** Throws when the topology cannot run a neighbour collective; the same on every rank. */
    void checkNeighbors(String collective) {
    }

    /** @return the number of in-neighbours: blocks received by a neighbour collective */
    public int inDegree() {
        return inList().length;
    }

    /** @return the number of out-neighbours: blocks sent by a neighbour collective */
    public int outDegree() {
        return outList().length;
    }

    /**
     * The ranks this rank receives from in a neighbour collective, in block order
     * (the sources of MPI_Dist_graph_neighbors).
     *
     * @return a new array; may hold {@link #PROC_NULL} on a Cartesian grid and repeat a rank
     */
    public int[] inNeighbors() {
        return inList().clone();
    }

    /**
     * The ranks this rank sends to in a neighbour collective, in block order
     * (the destinations of MPI_Dist_graph_neighbors).
     *
     * @return a new array; may hold {@link #PROC_NULL} on a Cartesian grid and repeat a rank
     */
    public int[] outNeighbors() {
        return outList().clone();
    }

    // ---------------------------------------------------------------- objects

    /**
     * Sends one object to every out-neighbour and receives one from every in-neighbour (mpi4py's
     * {@code comm.neighbor_allgather}, MPI_Neighbor_allgather).
     *
     * @param item this rank's object, copied unless immutable
     * @param <T> the objects' type
     * @return one entry per in-neighbour, in the order of {@link #inNeighbors()}; null for
     *     {@link #PROC_NULL}
     */
    public <T> List<T> neighborAllgather(T item) {
        return objects("neighborAllgather", slot -> item);
    }

    /**
     * Sends item {@code j} to out-neighbour {@code j} and receives one item from every
     * in-neighbour (mpi4py's {@code comm.neighbor_alltoall}, MPI_Neighbor_alltoall).
     *
     * @param items exactly {@link #outDegree()} items, in the order of {@link #outNeighbors()}; an
     *     item for {@link #PROC_NULL} is not sent
     * @param <T> the items' type
     * @return one entry per in-neighbour, in the order of {@link #inNeighbors()}; null for
     *     {@link #PROC_NULL}
     * @throws RanksException ({@link ErrorClass#COUNT}) when the list does not have
     *     {@code outDegree()} items
     */
    public <T> List<T> neighborAlltoall(List<? extends T> items) {
        if (items == null) {
            throw new RanksException(ErrorClass.ARG, rank(), "neighborAlltoall: the list of items is null: expected "
                    + outDegree() + " items, one per out-neighbour", null);
        }
        if (items.size() != outDegree()) {
            throw new RanksException(ErrorClass.COUNT, rank(), "neighborAlltoall: expecting " + outDegree()
                    + " items, one per out-neighbour, got " + items.size(), null);
        }
        Object[] send = items.toArray();
        return objects("neighborAlltoall", slot -> send[slot]);
    }

    // ---------------------------------------------------------------- workers

    /** Starts the message of one block: {@code slot} to or from {@code peer}, with {@code tag}. */
    private interface Post {
        Request start(int slot, int peer, int tag);
    }

    /**
     * Every neighbour collective: posts every receive, in block order, then every send, then waits
     * for all of them. Receives first, so that no rendezvous send waits on a receive not posted.
     */
    private void exchange(String collective, Post send, Post recv) {
        checkNeighbors(collective);
        int[] in = inList();
        int[] out = outList();
        Request[] requests = new Request[in.length + out.length];
        for (int k = 0; k < in.length; k++) {
            requests[k] = recv.start(k, in[k], recvTag(k));
        }
        for (int j = 0; j < out.length; j++) {
            requests[in.length + j] = send.start(j, out[j], sendTag(j));
        }
        Request.waitAll(requests);
    }

    private <T> List<T> objects(String collective, IntFunction<Object> item) {
        List<ObjectRequest<T>> received = new ArrayList<>(inDegree());
        exchange(collective, (slot, dest, tag) -> neighborhood.isend(item.apply(slot), dest, tag), (slot, source, tag) -> {
            ObjectRequest<T> request = neighborhood.irecv(source, tag);
            received.add(request);
            return request;
        });
        List<T> values = new ArrayList<>(received.size());
        for (ObjectRequest<T> request : received) {
            values.add(request.get());
        }
        return Collections.unmodifiableList(values);
    }

    private void arrays(String collective, Object send, Object recv, boolean alltoall) {
        int block = alltoall ? alltoallBlock(send, recv) : allgatherBlock(send, recv);
        exchange(collective,
                (slot, dest, tag) -> neighborhood.isendArray(send, alltoall ? slot * block : 0, block, dest, tag),
                (slot, source, tag) -> neighborhood.irecvArray(recv, slot * block, block, source, tag));
    }

    /** The block size of an allgather: all of {@code send}, which {@code recv} holds once per in-neighbour. */
    private int allgatherBlock(Object send, Object recv) {
        String collective = "neighborAllgather";
        checkArrays(collective, send, recv);
        int block = Array.getLength(send);
        long expected = (long) inDegree() * block;
        if (Array.getLength(recv) != expected) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": recv has " + Array.getLength(recv)
                    + " elements: expected " + expected + ", " + inDegree() + " in-neighbours times send's " + block,
                    null);
        }
        return block;
    }

    /** The block size of an alltoall: {@code send} split into out-degree blocks, {@code recv} into in-degree. */
    private int alltoallBlock(Object send, Object recv) {
        String collective = "neighborAlltoall";
        checkArrays(collective, send, recv);
        int sendBlock = blockOf(collective, "send", Array.getLength(send), outDegree(), "out");
        int recvBlock = blockOf(collective, "recv", Array.getLength(recv), inDegree(), "in");
        if (sendBlock >= 0 && recvBlock >= 0 && sendBlock != recvBlock) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": send splits into blocks of " + sendBlock
                    + " elements but recv into blocks of " + recvBlock + ": expected blocks of one size", null);
        }
        return Math.max(sendBlock, recvBlock);
    }

    /** The size of each of {@code degree} equal blocks of {@code length} elements; -1 when there are none. */
    private int blockOf(String collective, String name, int length, int degree, String direction) {
        if (degree == 0) {
            if (length != 0) {
                throw new RanksException(ErrorClass.COUNT, rank(), collective + ": " + name + " has " + length
                        + " elements but this rank has no " + direction + "-neighbours: expected 0", null);
            }
            return -1;
        }
        if (length % degree != 0) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": " + name + " has " + length
                    + " elements, which do not split into " + degree + " equal blocks, one per " + direction
                    + "-neighbour: expected a multiple of " + degree, null);
        }
        return length / degree;
    }

    private void checkArrays(String collective, Object send, Object recv) {
        if (send == null || recv == null) {
            throw new RanksException(ErrorClass.ARG, rank(), collective + ": " + (send == null ? "send" : "recv")
                    + " is null: expected an array", null);
        }
        if (send == recv) {
            throw new RanksException(ErrorClass.ARG, rank(), collective
                    + ": send and recv are the same array: expected two arrays (there is no in-place form)", null);
        }
    }

    // ---------------------------------------------------------------- primitive arrays
    // One thin overload per element type and collective; each calls the one array worker.

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(byte[] send, byte[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(byte[] send, byte[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(short[] send, short[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(short[] send, short[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(int[] send, int[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(int[] send, int[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(long[] send, long[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(long[] send, long[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(float[] send, float[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(float[] send, float[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(double[] send, double[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(double[] send, double[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(char[] send, char[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(char[] send, char[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }

    /**
     * Sends all of {@code send} to every out-neighbour and receives one block of
     * {@code send.length} elements from every in-neighbour, block {@code k} of {@code recv} from
     * in-neighbour {@code k} (MPI_Neighbor_allgather). A block from {@link #PROC_NULL} is left
     * as it was.
     *
     * @param send this rank's data
     * @param recv exactly {@code inDegree() * send.length} elements
     * @throws RanksException ({@link ErrorClass#COUNT}) when {@code recv} has another length
     */
    public void neighborAllgather(boolean[] send, boolean[] recv) {
        arrays("neighborAllgather", send, recv, false);
    }

    /**
     * Sends block {@code j} of {@code send} to out-neighbour {@code j} and receives block
     * {@code k} of {@code recv} from in-neighbour {@code k}, every block of one size
     * (MPI_Neighbor_alltoall). A block for {@link #PROC_NULL} is not sent; a block from it is left
     * as it was.
     *
     * @param send {@code outDegree()} blocks end to end
     * @param recv {@code inDegree()} blocks of the same size, end to end
     * @throws RanksException ({@link ErrorClass#COUNT}) when the arrays do not split into blocks of
     *     one size
     */
    public void neighborAlltoall(boolean[] send, boolean[] recv) {
        arrays("neighborAlltoall", send, recv, true);
    }
}
