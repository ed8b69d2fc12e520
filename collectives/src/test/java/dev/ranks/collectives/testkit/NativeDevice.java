package dev.ranks.collectives.testkit;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Settings;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.CommBinder;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Endpoint;
import dev.ranks.comm.spi.NativeCollectives;
import dev.ranks.comm.spi.NativeOp;
import dev.ranks.comm.spi.Payload;
import dev.ranks.comm.spi.SharedMemory;
import dev.ranks.comm.spi.Sink;
import dev.ranks.comm.testkit.Jobs;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * A device with collectives of its own, for tests of the native path without an MPI library:
 * each rank's endpoint of the local device, wrapped so that {@link Endpoint#nativeCollectives()}
 * returns collectives that do their work with plain point-to-point messages of that endpoint
 * (linear algorithms through the root or rank 0, reductions in rank order), on the context they
 * are given, and record every call. It knows a communicator's members only from
 * {@link Endpoint#communicatorCreated}, as the {@code mpi} device does, so a call on a context it
 * was not told about fails; so do calls that MPI forbids: aliased send and receive ranges, and
 * object arrays.
 *
 * <pre>{@code
 * NativeDevice device = NativeDevice.supporting((type, op) -> type != ElementType.CHAR);
 * device.run(4, Settings.defaults(), comm -> comm.allreduce(new int[8], Op.SUM));
 * device.calls(0);   // [allreduce on context 1, INT, SUM, 8 elements]
 * }</pre>
 */
public final class NativeDevice {
    /** The tag of this device's messages: above every tag a collective schedule uses. */
    private static final int TAG = 0x7000_0000;

    /**
     * One call of the device's collectives on one rank.
     *
     * @param collective the method, such as {@code allreduce}
     * @param context the collective context it was given
     * @param type the element type; null for barrier
     * @param op the reduction; null when it does not reduce
     * @param root the root; -1 when it has none
     * @param count the elements (per block, for the gather-like calls)
     * @param inPlace whether the send range was the receive range (MPI_IN_PLACE)
     */
    public record Call(String collective, int context, ElementType type, NativeOp op, int root, int count,
                       boolean inPlace) {
        @Override
        public String toString() {
            return collective + " on context " + context + (type == null ? "" : ", " + type) + (op == null ? "" : ", " + op)
                    + (root < 0 ? "" : ", root " + root) + ", " + count + " elements" + (inPlace ? ", in place" : "");
        }
    }

    /**
     * A communicator as the device was told of it.
     *
     * @param context its point-to-point context
     * @param members its members' world ranks
     */
    public record Created(int context, int[] members) {
    }

    private final BiPredicate<ElementType, NativeOp> supports;
    private final Map<Integer, Rank> ranks = new ConcurrentHashMap<>();

    private NativeDevice(BiPredicate<ElementType, NativeOp> supports) {
        this.supports = supports;
    }

    /** @return a device that runs every primitive element type and reduction itself */
    public static NativeDevice all() {
        return new NativeDevice((type, op) -> true);
    }

    /**
     * @param supports which element types and reductions (null for none) the device runs itself
     * @return a device that runs those
     */
    public static NativeDevice supporting(BiPredicate<ElementType, NativeOp> supports) {
        return new NativeDevice(supports);
    }

    /** @return a binder handing each rank an {@link Intracomm} over its endpoint wrapped by this device */
    public CommBinder binder() {
        return endpoint -> {
            Rank rank = new Rank(endpoint);
            ranks.put(endpoint.rank(), rank);
            return new Intracomm(new Comm(rank));
        };
    }

    /**
     * Runs a job on this device and fails the test unless every rank completes.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended (always completed)
     */
    public JobResult run(int size, Settings settings, IntracommMain main) {
        return Jobs.run(size, settings, comm -> main.run((Intracomm) comm), binder());
    }

    /**
     * Runs a job on this device that may fail, for tests of failures.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended
     */
    public JobResult result(int size, Settings settings, IntracommMain main) {
        return Jobs.result(size, settings, comm -> main.run((Intracomm) comm), binder(), Jobs.TIMEOUT);
    }

    /**
     * @param worldRank a rank of the last job
     * @return the calls of the device's collectives that rank made, in order; a copy
     */
    public List<Call> calls(int worldRank) {
        return rank(worldRank).calls();
    }

    /**
     * @param worldRank a rank of the last job
     * @return the communicators that rank announced, in order; a copy
     */
    public List<Created> created(int worldRank) {
        return rank(worldRank).created();
    }

    private Rank rank(int worldRank) {
        Rank rank = ranks.get(worldRank);
        if (rank == null) {
            throw new IllegalArgumentException("rank " + worldRank + " has not run on this device");
        }
        return rank;
    }

    /** One rank's endpoint: the local device's, plus collectives of its own. */
    private final class Rank implements Endpoint, NativeCollectives {
        private final Endpoint local;
        private final List<Call> calls = new ArrayList<>();
        private final List<Created> created = new ArrayList<>();
        /** Members' world ranks by collective context; the world's is known from the start. */
        private final Map<Integer, int[]> members = new ConcurrentHashMap<>();

        Rank(Endpoint local) {
            this.local = local;
            int[] world = new int[local.size()];
            for (int i = 0; i < world.length; i++) {
                world[i] = i;
            }
            members.put(1, world);
        }

        synchronized List<Call> calls() {
            return List.copyOf(calls);
        }

        synchronized List<Created> created() {
            return List.copyOf(created);
        }

        // ------------------------------------------------------------ endpoint

        @Override
        public int rank() {
            return local.rank();
        }

        @Override
        public int size() {
            return local.size();
        }

        @Override
        public Settings settings() {
            return local.settings();
        }

        @Override
        public DeviceRequest send(int context, int dest, int tag, Payload payload, boolean synchronous) {
            return local.send(context, dest, tag, payload, synchronous);
        }

        @Override
        public DeviceRequest receive(int context, int source, int tag, Sink sink) {
            return local.receive(context, source, tag, sink);
        }

        @Override
        public void sendAndWait(int context, int dest, int tag, ElementType type, Object array, int offset, int count,
                                boolean synchronous) {
            local.sendAndWait(context, dest, tag, type, array, offset, count, synchronous);
        }

        @Override
        public Status receiveAndWait(int context, int source, int tag, ElementType type, Object array, int offset,
                                     int capacity) {
            return local.receiveAndWait(context, source, tag, type, array, offset, capacity);
        }

        @Override
        public Status probe(int context, int source, int tag, boolean block) {
            return local.probe(context, source, tag, block);
        }

        @Override
        public void await(DeviceRequest request) {
            local.await(request);
        }

        @Override
        public int awaitAny(DeviceRequest[] requests) {
            return local.awaitAny(requests);
        }

        @Override
        public boolean cancel(DeviceRequest request) {
            return local.cancel(request);
        }

        @Override
        public RuntimeException abort(int code) {
            return local.abort(code);
        }

        @Override
        public double wtime() {
            return local.wtime();
        }

        @Override
        public SharedMemory sharedMemory() {
            return local.sharedMemory();
        }

        @Override
        public void communicatorCreated(int context, int[] worldRanks) {
            synchronized (this) {
                created.add(new Created(context, worldRanks.clone()));
            }
            members.put(context + 1, worldRanks.clone());
            local.communicatorCreated(context, worldRanks);
        }

        @Override
        public NativeCollectives nativeCollectives() {
            return this;
        }

        // ------------------------------------------------------------ collectives

        @Override
        public boolean supports(ElementType type, NativeOp op) {
            return type != ElementType.OBJECT && supports.test(type, op);
        }

        @Override
        public void barrier(int context) {
            int[] world = record(new Call("barrier", context, null, null, -1, 0, false));
            byte[] none = new byte[0];
            toRoot(context, world, 0, ElementType.BYTE, none, 0, none, 0, 0, null);
            fromRoot(context, world, 0, ElementType.BYTE, none, 0, 0);
        }

        @Override
        public void bcast(int context, int root, ElementType type, Object array, int offset, int count) {
            int[] world = record(new Call("bcast", context, type, null, root, count, false));
            check(type, array);
            fromRoot(context, world, root, type, array, offset, count);
        }

        @Override
        public void reduce(int context, int root, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                           int recvOffset, int count) {
            int me = rankIn(context);
            boolean inPlace = me == root && send == recv && sendOffset == recvOffset;
            int[] world = record(new Call("reduce", context, type, op, root, count, inPlace));
            check(type, send);
            if (me == root) {
                check(type, recv);
                notAliased(send, sendOffset, recv, recvOffset, count, true);
            }
            toRoot(context, world, root, type, send, sendOffset, recv, recvOffset, count, op);
        }

        @Override
        public void allreduce(int context, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                              int recvOffset, int count) {
            boolean inPlace = send == recv && sendOffset == recvOffset;
            int[] world = record(new Call("allreduce", context, type, op, -1, count, inPlace));
            check(type, send);
            check(type, recv);
            notAliased(send, sendOffset, recv, recvOffset, count, true);
            Object result = Array.newInstance(recv.getClass().getComponentType(), count);
            toRoot(context, world, 0, type, send, sendOffset, rankIn(context) == 0 ? result : null, 0, count, op);
            fromRoot(context, world, 0, type, result, 0, count);
            System.arraycopy(result, 0, recv, recvOffset, count);
        }

        @Override
        public void allgather(int context, ElementType type, Object send, int sendOffset, int count, Object recv,
                              int recvOffset) {
            boolean inPlace = send == recv && sendOffset == recvOffset;
            int[] world = record(new Call("allgather", context, type, null, -1, count, inPlace));
            check(type, send);
            check(type, recv);
            notAliased(send, sendOffset, recv, recvOffset, count, true);
            int me = rankIn(context);
            if (!inPlace) {
                System.arraycopy(send, sendOffset, recv, recvOffset + me * count, count);
            }
            gatherTo(context, world, 0, type, recv, recvOffset, count);
            fromRoot(context, world, 0, type, recv, recvOffset, world.length * count);
        }

        @Override
        public void gather(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                           int recvOffset) {
            int me = rankIn(context);
            boolean inPlace = me == root && send == recv && sendOffset == recvOffset;
            int[] world = record(new Call("gather", context, type, null, root, count, inPlace));
            check(type, send);
            if (me != root) {
                local.sendAndWait(context, world[root], TAG, type, send, sendOffset, count, false);
                return;
            }
            check(type, recv);
            notAliased(send, sendOffset, recv, recvOffset, count, true);
            if (!inPlace) {
                System.arraycopy(send, sendOffset, recv, recvOffset + root * count, count);
            }
            gatherTo(context, world, root, type, recv, recvOffset, count);
        }

        @Override
        public void scatter(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                            int recvOffset) {
            int me = rankIn(context);
            boolean inPlace = me == root && send == recv && sendOffset == recvOffset;
            int[] world = record(new Call("scatter", context, type, null, root, count, inPlace));
            check(type, recv);
            if (me != root) {
                local.receiveAndWait(context, world[root], TAG, type, recv, recvOffset, count);
                return;
            }
            check(type, send);
            notAliased(send, sendOffset, recv, recvOffset, count, true);
            for (int i = 0; i < world.length; i++) {
                if (i != root) {
                    local.sendAndWait(context, world[i], TAG, type, send, sendOffset + i * count, count, false);
                } else if (!inPlace) {
                    System.arraycopy(send, sendOffset + i * count, recv, recvOffset, count);
                }
            }
        }

        @Override
        public void alltoall(int context, ElementType type, Object send, int sendOffset, int count, Object recv,
                             int recvOffset) {
            int[] world = record(new Call("alltoall", context, type, null, -1, count, false));
            check(type, send);
            check(type, recv);
            notAliased(send, sendOffset, recv, recvOffset, count, false);
            int me = rankIn(context);
            List<DeviceRequest> requests = new ArrayList<>();
            for (int i = 0; i < world.length; i++) {
                if (i != me) {
                    requests.add(local.receive(context, world[i], TAG, Sink.array(type, recv, recvOffset + i * count, count)));
                }
            }
            for (int j = 0; j < world.length; j++) {
                if (j != me) {
                    requests.add(local.send(context, world[j], TAG, Payload.array(type, send, sendOffset + j * count, count),
                            false));
                }
            }
            System.arraycopy(send, sendOffset + me * count, recv, recvOffset + me * count, count);
            for (DeviceRequest r : requests) {
                if (!r.isComplete()) {
                    local.await(r);
                }
                r.status();
            }
        }

        // ------------------------------------------------------------ helpers

        private int[] record(Call call) {
            int[] world = members.get(call.context());
            if (world == null) {
                throw new IllegalStateException(call + ": no communicator was announced with collective context "
                        + call.context() + " on world rank " + rank());
            }
            synchronized (this) {
                calls.add(call);
            }
            return world;
        }

        private int rankIn(int context) {
            int[] world = members.get(context);
            for (int i = 0; i < world.length; i++) {
                if (world[i] == rank()) {
                    return i;
                }
            }
            throw new IllegalStateException("world rank " + rank() + " is not a member of context " + context);
        }

        private void check(ElementType type, Object array) {
            if (type == ElementType.OBJECT || !type.arrayClass().isInstance(array)) {
                throw new IllegalArgumentException("expected " + type.description() + ", got " + array);
            }
        }

        /** MPI forbids one buffer named twice, except as the in-place form where that exists. */
        private void notAliased(Object send, int sendOffset, Object recv, int recvOffset, int count, boolean inPlaceForm) {
            if (send == recv && (!inPlaceForm || sendOffset != recvOffset) && count > 0) {
                throw new IllegalArgumentException("send (offset " + sendOffset + ") and recv (offset " + recvOffset
                        + ") are one array: MPI forbids aliased buffers");
            }
        }

        /** The root receives block i of {@code count} elements from every rank i into {@code recv}. */
        private void gatherTo(int context, int[] world, int root, ElementType type, Object recv, int recvOffset,
                              int count) {
            int me = rankIn(context);
            if (me != root) {
                local.sendAndWait(context, world[root], TAG, type, recv, recvOffset + me * count, count, false);
                return;
            }
            for (int i = 0; i < world.length; i++) {
                if (i != root) {
                    local.receiveAndWait(context, world[i], TAG, type, recv, recvOffset + i * count, count);
                }
            }
        }

        /** The root sends its {@code count} elements to every other rank, which receive them in place. */
        private void fromRoot(int context, int[] world, int root, ElementType type, Object array, int offset, int count) {
            if (rankIn(context) != root) {
                local.receiveAndWait(context, world[root], TAG, type, array, offset, count);
                return;
            }
            for (int i = 0; i < world.length; i++) {
                if (i != root) {
                    local.sendAndWait(context, world[i], TAG, type, array, offset, count, false);
                }
            }
        }

        /**
         * Every rank sends its {@code count} elements to the root, which combines them in rank order
         * into {@code recv}; a root whose send range is its receive range contributes that range.
         */
        private void toRoot(int context, int[] world, int root, ElementType type, Object send, int sendOffset,
                            Object recv, int recvOffset, int count, NativeOp op) {
            if (rankIn(context) != root) {
                local.sendAndWait(context, world[root], TAG, type, send, sendOffset, count, false);
                return;
            }
            Object result = Array.newInstance(send.getClass().getComponentType(), count);
            Object in = Array.newInstance(send.getClass().getComponentType(), count);
            for (int i = 0; i < world.length; i++) {
                if (i == root) {
                    System.arraycopy(send, sendOffset, in, 0, count);
                } else {
                    local.receiveAndWait(context, world[i], TAG, type, in, 0, count);
                }
                if (i == 0) {
                    System.arraycopy(in, 0, result, 0, count);
                } else if (op != null) {
                    Reduce.combine(type, op, result, in, count);
                }
            }
            if (op != null) {
                System.arraycopy(result, 0, recv, recvOffset, count);
            }
        }
    }

    /** The reductions, element by element, as Java's arithmetic does them on each type. */
    private static final class Reduce {
        private Reduce() {
        }

        /** {@code acc[i] = acc[i] ∘ in[i]}. */
        static void combine(ElementType type, NativeOp op, Object acc, Object in, int count) {
            for (int i = 0; i < count; i++) {
                switch (type) {
                    case BYTE -> ((byte[]) acc)[i] = (byte) integral(op, ((byte[]) acc)[i], ((byte[]) in)[i]);
                    case SHORT -> ((short[]) acc)[i] = (short) integral(op, ((short[]) acc)[i], ((short[]) in)[i]);
                    case CHAR -> ((char[]) acc)[i] = (char) integral(op, ((char[]) acc)[i], ((char[]) in)[i]);
                    case INT -> ((int[]) acc)[i] = (int) integral(op, ((int[]) acc)[i], ((int[]) in)[i]);
                    case LONG -> ((long[]) acc)[i] = integral(op, ((long[]) acc)[i], ((long[]) in)[i]);
                    case FLOAT -> ((float[]) acc)[i] = (float) floating(op, ((float[]) acc)[i], ((float[]) in)[i]);
                    case DOUBLE -> ((double[]) acc)[i] = floating(op, ((double[]) acc)[i], ((double[]) in)[i]);
                    case BOOLEAN -> ((boolean[]) acc)[i] = logical(op, ((boolean[]) acc)[i], ((boolean[]) in)[i]);
                    case OBJECT -> throw new IllegalArgumentException("objects have no native reduction");
                }
            }
        }

        private static long integral(NativeOp op, long a, long b) {
            return switch (op) {
                case SUM -> a + b;
                case PROD -> a * b;
                case MAX -> Math.max(a, b);
                case MIN -> Math.min(a, b);
                case LAND -> a != 0 && b != 0 ? 1 : 0;
                case LOR -> a != 0 || b != 0 ? 1 : 0;
                case LXOR -> (a != 0) != (b != 0) ? 1 : 0;
                case BAND -> a & b;
                case BOR -> a | b;
                case BXOR -> a ^ b;
            };
        }

        private static double floating(NativeOp op, double a, double b) {
            return switch (op) {
                case SUM -> a + b;
                case PROD -> a * b;
                case MAX -> Math.max(a, b);
                case MIN -> Math.min(a, b);
                default -> throw new IllegalArgumentException(op + " does not apply to floating-point numbers");
            };
        }

        private static boolean logical(NativeOp op, boolean a, boolean b) {
            return switch (op) {
                case LAND, BAND -> a && b;
                case LOR, BOR -> a || b;
                case LXOR, BXOR -> a ^ b;
                default -> throw new IllegalArgumentException(op + " does not apply to booleans");
            };
        }
    }
}
