package dev.ranks.comm.spi;

import dev.ranks.comm.ElementType;

/**
 * Collectives a device runs with its own implementation instead of Ranks' algorithms, such as the
 * MPI library under the {@code mpi} device, whose collectives are tuned for the machine. Offered
 * by {@link Endpoint#nativeCollectives()}; a device without them returns null there.
 *
 * <p>Every method is collective over the members of the communicator on {@code context} (the
 * collective context of a communicator, as the collectives module passes it): all members call it,
 * in the same order, with matching arguments. Ranks and roots are ranks in that communicator.
 * Arrays are primitive ({@link ElementType#OBJECT} is never passed); counts are in elements. A
 * send array that is the same array at the same offset as the receive array means "in place".
 */
public interface NativeCollectives {
    /**
     * @param type an element type
     * @param op a reduction, or null for a collective that does not reduce
     * @return whether this device runs collectives on that type (and reduction) itself
     */
    boolean supports(ElementType type, NativeOp op);

    /**
     * Blocks until every member has called it (MPI_Barrier).
     *
     * @param context the communicator's collective context
     */
    void barrier(int context);

    /**
     * Copies the root's elements to every member (MPI_Bcast).
     *
     * @param context the communicator's collective context
     * @param root the rank whose elements go out
     * @param type the element type
     * @param array the root's data, and every other member's destination
     * @param offset the first element
     * @param count the number of elements
     */
    void bcast(int context, int root, ElementType type, Object array, int offset, int count);

    /**
     * Combines every member's elements into the root's (MPI_Reduce).
     *
     * @param context the communicator's collective context
     * @param root the rank that receives the result
     * @param type the element type
     * @param op the reduction
     * @param send this member's elements
     * @param sendOffset the first element of {@code send}
     * @param recv the result at the root; ignored at other members
     * @param recvOffset the first element of {@code recv}
     * @param count the number of elements
     */
    void reduce(int context, int root, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                int recvOffset, int count);

    /**
     * Combines every member's elements and gives every member the result (MPI_Allreduce).
     *
     * @param context the communicator's collective context
     * @param type the element type
     * @param op the reduction
     * @param send this member's elements
     * @param sendOffset the first element of {@code send}
     * @param recv the result
     * @param recvOffset the first element of {@code recv}
     * @param count the number of elements
     */
    void allreduce(int context, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                   int recvOffset, int count);

    /**
     * Gives every member every member's block, in rank order (MPI_Allgather).
     *
     * @param context the communicator's collective context
     * @param type the element type
     * @param send this member's block
     * @param sendOffset the first element of {@code send}
     * @param count the elements per block
     * @param recv the blocks, member 0's first
     * @param recvOffset the first element of {@code recv}
     */
    void allgather(int context, ElementType type, Object send, int sendOffset, int count, Object recv, int recvOffset);

    /**
     * Gives the root every member's block, in rank order (MPI_Gather).
     *
     * @param context the communicator's collective context
     * @param root the rank that receives the blocks
     * @param type the element type
     * @param send this member's block
     * @param sendOffset the first element of {@code send}
     * @param count the elements per block
     * @param recv the blocks at the root, member 0's first; ignored at other members
     * @param recvOffset the first element of {@code recv}
     */
    void gather(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                int recvOffset);

    /**
     * Gives each member its block of the root's array, in rank order (MPI_Scatter).
     *
     * @param context the communicator's collective context
     * @param root the rank whose blocks go out
     * @param type the element type
     * @param send the blocks at the root, member 0's first; ignored at other members
     * @param sendOffset the first element of {@code send}
     * @param count the elements per block
     * @param recv this member's block
     * @param recvOffset the first element of {@code recv}
     */
    void scatter(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                 int recvOffset);

    /**
     * Sends block j of every member to member j (MPI_Alltoall).
     *
     * @param context the communicator's collective context
     * @param type the element type
     * @param send the blocks for each member, member 0's first
     * @param sendOffset the first element of {@code send}
     * @param count the elements per block
     * @param recv the blocks from each member, member 0's first
     * @param recvOffset the first element of {@code recv}
     */
    void alltoall(int context, ElementType type, Object send, int sendOffset, int count, Object recv, int recvOffset);
}
