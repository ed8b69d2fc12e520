package dev.ranks.mpi;

/**
 * The JNI shim's functions ({@code ranks_mpi.c}, compiled by {@link NativeShim}). Handles of
 * communicators and requests are addresses of the shim's own records, so the two ABIs (Open MPI's
 * pointer handles, MPICH's integer ones) look alike here; handle 0 is MPI_COMM_WORLD. Functions
 * that can fail return an MPI error code (0 for success; negated where a positive result means
 * something else), which {@link #errorString(int)} explains. Element types are
 * {@link dev.ranks.comm.ElementType} ordinals, reductions {@link dev.ranks.comm.spi.NativeOp} ordinals.
 * A status array {@code st} receives source, tag, header kind, header element type, header count,
 * error code and the message's bytes.
 */
final class MpiNative {
    /** MPI_THREAD_MULTIPLE's value in the MPI standard's thread levels, which both implementations number 0 to 3. */
    static final int THREAD_MULTIPLE = 3;
    /** MPI_THREAD_SINGLE's value in the MPI standard's thread levels. */
    static final int THREAD_SINGLE = 0;
    /** MPI_THREAD_SERIALIZED's value in the MPI standard's thread levels. */
    static final int THREAD_SERIALIZED = 2;
    /** The length of a status array. */
    static final int STATUS = 7;
    /** Status array index of the source. */
    static final int SOURCE = 0;
    /** Status array index of the tag. */
    static final int TAG = 1;
    /** Status array index of the header kind. */
    static final int KIND = 2;
    /** Status array index of the header's element type. */
    static final int TYPE = 3;
    /** Status array index of the header's count. */
    static final int COUNT = 4;
    /** Status array index of the error code. */
    static final int ERROR = 5;
    /** Status array index of the message's length in bytes. */
    static final int BYTES = 6;

    private MpiNative() {
    }

    /** In the boot library: keeps UCX from taking the JVM's signals (see ranks_mpi.c); call before loading the shim. */
    static native void protectSignals();

    static native int init(int required);

    static native int anySource();

    static native int anyTag();

    static native int worldRank();

    static native int worldSize();

    static native int tagUpperBound();

    static native String libraryVersion();

    static native String errorString(int code);

    static native void finish();

    static native void abortJob(int code);

    static native double wtime();

    static native int commDup(long parent, long[] out);

    static native int commCreateGroup(long parent, int[] members, int tag, long[] out);

    static native long allocate(long bytes);

    static native void release(long address);

    static native java.nio.ByteBuffer wrap(long address, long bytes);

    static native void put(long address, int at, int type, Object array, int offset, int count);

    static native void get(long address, int at, int type, Object array, int offset, int count);

    static native void putHeader(long address, int kind, int type, int count);

    static native int send(long comm, int dest, int tag, int type, Object array, int offset, int count,
                           boolean synchronous, long staging);

    static native int recv(long comm, int source, int tag, int type, Object array, int offset, int capacity,
                           long staging, int stagingBytes, int[] st);

    static native int sendStaged(long comm, int dest, int tag, long staging, int bytes, boolean synchronous);

    static native int recvStaged(long comm, int source, int tag, long staging, int stagingBytes);

    static native int recvData(long aux, int source, int tag, byte[] array, int count);

    static native int take(long comm, int source, boolean block, int[] st, long[] out);

    static native int isend(long comm, int dest, int tag, long address, int count, int type, boolean synchronous,
                            long[] out);

    static native int irecv(long comm, int source, int tag, long address, int count, int type, long[] out);

    static native int complete(long request, boolean block, long header, int[] st);

    static native int cancel(long request, long header, int[] st);

    static native int barrier(long comm);

    static native int bcast(long comm, int root, int type, Object array, int offset, int count);

    static native int reduce(long comm, int root, int type, int op, Object send, int sendOffset, Object recv,
                             int recvOffset, int count);

    static native int reduceStaged(long comm, int root, int type, int op, long staging, int count);

    static native int exchange(long comm, int kind, int root, int type, Object send, int sendOffset, int count,
                               Object recv, int recvOffset);
}
