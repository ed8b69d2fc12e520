package dev.ranks.collectives;

import dev.ranks.comm.spi.NativeCollectives;

/**
 * A communicator as the device's own collectives see it: the device's {@link NativeCollectives},
 * the communicator's collective context, by which the device knows the communicator, and this
 * rank and the size in it. What the native algorithms ({@code BcastNative}, {@code AllreduceNative}…)
 * run on.
 *
 * @param device the device's collectives
 * @param context the communicator's collective context
 * @param rank this rank in the communicator
 * @param size the communicator's size
 */
record NativeComm(NativeCollectives device, int context, int rank, int size) {
    /**
     * A copy of a send range that lies in the receive array: MPI forbids a call to name one buffer
     * twice, and the device reads the same array at the same offset as the in-place form.
     *
     * @return {@code count} elements of {@code send} from {@code offset}, in a new array from offset 0
     */
    static Buf apart(Buf send, int offset, int count) {
        Buf copy = send.allocate(count);
        send.copyTo(offset, copy, 0, count);
        return copy;
    }
}
