package dev.ranks.collectives;

/**
 * Alltoall by the device's own implementation ({@code NativeCollectives.alltoall}, MPI_Alltoall
 * under the {@code mpi} device), on the communicator's collective context. With 7 ranks every
 * rank passes 7 blocks to send and room for 7 to receive. When they are one array, the send
 * blocks go from a copy: MPI forbids naming one buffer twice, and the blocks received must not
 * overwrite blocks not yet sent. See {@link NativeComm}.
 */
final class AlltoallNative {
    private AlltoallNative() {
    }

    static void run(NativeComm c, Buf send, int count, Buf recv) {
        if (send.array == recv.array) {
            send = NativeComm.apart(send, 0, c.size() * count);
        }
        c.device().alltoall(c.context(), send.type, send.array, 0, count, recv.array, 0);
    }
}
