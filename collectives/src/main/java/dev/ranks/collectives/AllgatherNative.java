package dev.ranks.collectives;

/**
 * Allgather by the device's own implementation ({@code NativeCollectives.allgather},
 * MPI_Allgather with MPI_IN_PLACE under the {@code mpi} device), on the communicator's collective
 * context. Every rank's block is already in place, as for the point-to-point algorithms: the
 * in-place form's own, or the one {@code Intracomm} copied there from the send array, which is
 * the copy MPI's own allgather starts with. With 7 ranks and 3 elements a block, rank 2's block
 * is at elements 6..8, and the device fills the other six. See {@link NativeComm}.
 */
final class AllgatherNative {
    private AllgatherNative() {
    }

    static void run(NativeComm c, Buf buf, int count) {
        c.device().allgather(c.context(), buf.type, buf.array, 0, count, buf.array, 0);
    }
}
