package dev.ranks.collectives;

/**
 * Scatter by the device's own implementation ({@code NativeCollectives.scatter}, MPI_Scatter
 * under the {@code mpi} device), on the communicator's collective context. With 7 ranks and root
 * 2, rank 2 passes its 7 blocks and every rank its receive block; the other ranks pass no send
 * array. A root whose send and receive arrays are one array sends a copy of its blocks: its own
 * block must not be read as the in-place form, nor the others overwritten before they go out.
 * See {@link NativeComm}.
 */
final class ScatterNative {
    private ScatterNative() {
    }

    static void run(NativeComm c, Buf send, int count, Buf recv, int recvOffset, int root) {
        if (send != null && send.array == recv.array) {
            send = NativeComm.apart(send, 0, c.size() * count);
        }
        c.device().scatter(c.context(), root, recv.type, send == null ? null : send.array, 0, count, recv.array,
                recvOffset);
    }
}
