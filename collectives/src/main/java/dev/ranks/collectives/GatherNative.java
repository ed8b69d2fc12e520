package dev.ranks.collectives;

/**
 * Gather by the device's own implementation ({@code NativeCollectives.gather}, MPI_Gather under
 * the {@code mpi} device), on the communicator's collective context. With 7 ranks and root 2,
 * every rank passes its block and rank 2 its receive array of 7 blocks; the other ranks pass no
 * receive array. A root whose send and receive arrays are one array first copies its block into
 * place, as the point-to-point algorithms do, and then gathers in place (MPI_IN_PLACE): MPI
 * forbids naming one buffer twice. See {@link NativeComm}.
 */
final class GatherNative {
    private GatherNative() {
    }

    static void run(NativeComm c, Buf send, int sendOffset, int count, Buf recv, int root) {
        if (recv != null && send.array == recv.array) {
            send.copyTo(sendOffset, recv, root * count, count);
            c.device().gather(c.context(), root, recv.type, recv.array, 0, count, recv.array, 0);
            return;
        }
        c.device().gather(c.context(), root, send.type, send.array, sendOffset, count,
                recv == null ? null : recv.array, 0);
    }
}
