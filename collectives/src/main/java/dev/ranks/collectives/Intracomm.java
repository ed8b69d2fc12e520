package dev.ranks.collectives;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.RankTrace;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.spi.CommBinder;
import dev.ranks.comm.spi.NativeCollectives;
import dev.ranks.comm.spi.NativeOp;
import dev.ranks.comm.spi.SharedMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * An intra-communicator (MPI_Comm with collectives): {@link Comm}'s point-to-point operations plus
 * the collective operations, which every rank of the communicator calls in the same order.
 *
 * <p>Two styles, as in mpi4py, chosen by argument type. <b>Objects</b>: {@code bcast(obj, root)},
 * {@code scatter(list, root)}, {@code gather(obj, root)}, {@code allreduce(value, Op.SUM)}…
 * return their results, as mpi4py's lowercase methods do. <b>Primitive arrays</b>: {@code
 * bcast(int[] buf, root)}, {@code allreduce(double[] send, double[] recv, Op.SUM)},
 * {@code scatterv(send, counts, displs, recv, root)}… fill the caller's arrays, as MPI's buffer
 * forms do; the one-array overloads of {@code reduce}, {@code allreduce}, {@code allgather},
 * {@code scan} and {@code exscan} are MPI's in-place forms. Every collective has an
 * {@code …Async} variant returning a {@link CollectiveRequest} (MPI's non-blocking collectives).
 *
 * <p>Each collective has several algorithms; a selector chooses one per call from the size of the
 * communicator and of the message, unless the job's settings force one (see {@link Algorithm}). On
 * a device with collectives of its own (the {@code mpi} device), blocking calls on primitive
 * arrays that it can run go to it (the {@code native} algorithms), unless another is forced.
 * Collectives send their messages on the communicator's collective context, each call with a tag of
 * its own, so they never match the user's point-to-point messages, even a receive posted with
 * {@link #ANY_SOURCE} and {@link #ANY_TAG}, and non-blocking collectives in flight together never
 * mix.
 *
 * <p>Start a job whose ranks receive an {@code Intracomm} with {@link #run(int, Settings, IntracommMain)}.
 */
public class Intracomm extends Comm {
    /** The color that leaves a rank out of every communicator {@link #split(int, int)} creates (MPI_UNDEFINED). */
    public static final int UNDEFINED = Integer.MIN_VALUE;

    /**
     * The world communicator of the rank running on a thread, and of the threads it starts. Set
     * around every rank by {@link #run(int, Settings, IntracommMain)}, which the launcher calls on
     * every device.
     */
    private static final InheritableThreadLocal<Intracomm> WORLD = new InheritableThreadLocal<>();

    private final Comm collective;
    private final Shared shared;
    /** The device's own collectives on this communicator; null when the device has none. */
    private final NativeComm natives;

    /**
     * An intra-communicator over the same ranks and context as another communicator.
     *
     * @param world the communicator to share, typically the world communicator of a rank
     */
    public Intracomm(Comm world) {
        super(world);
        this.collective = collectiveView();
        this.shared = world instanceof Intracomm intra ? intra.shared : new Shared(world.settings());
        this.natives = nativeComm();
    }

    /**
     * A new intra-communicator over some ranks of another, on an agreed context; see
     * {@link Comm#Comm(Comm, int, int[])}. For {@link #split(int, int)}, {@link #dup()} and the
     * topology communicators.
     *
     * @param parent the communicator whose ranks the new one takes
     * @param context the agreed context, from {@link #agreeContext()} on {@code parent}
     * @param parentRanks the members as ranks of {@code parent}, in the order of their new ranks
     */
    protected Intracomm(Intracomm parent, int context, int[] parentRanks) {
        super(parent, context, parentRanks);
        this.collective = collectiveView();
        this.shared = new Shared(parent.settings());
        this.natives = nativeComm();
    }

    private NativeComm nativeComm() {
        NativeCollectives device = nativeCollectives();
        return device == null ? null : new NativeComm(device, collectiveContext(), rank(), size());
    }

    /**
     * Runs a job on the local device with default settings, handing each rank an {@code Intracomm}.
     *
     * @param size the number of ranks, at least 1
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult run(int size, IntracommMain main) {
        return run(size, Settings.defaults(), main);
    }

    /**
     * Runs a job, handing each rank an {@code Intracomm} over every rank of the job
     * ({@link Ranks#run(int, Settings, dev.ranks.comm.RankMain, CommBinder)} with {@link #binder()}).
     *
     * @param size the number of ranks, at least 1
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult run(int size, Settings settings, IntracommMain main) {
        return Ranks.run(size, settings, comm -> {
            Intracomm world = (Intracomm) comm;
            WORLD.set(world);
            try {
                main.run(world);
            } finally {
                WORLD.remove();
            }
        }, binder());
    }

    /**
     * The world communicator of the rank that calls it (MPI_COMM_WORLD): what a program with a
     * plain {@code main}, started by {@code launcher run}, uses, as an MPJ Express program calls
     * {@code MPI.Init(args)} and uses {@code MPI.COMM_WORLD}. Valid in every rank on every device,
     * and in the threads a rank starts.
     *
     * @return this rank's communicator over every rank of the job
     * @throws RanksException ({@link ErrorClass#USAGE}) when called outside a rank, saying how to
     *     launch a program
     */
    public static Intracomm world() {
        Intracomm world = WORLD.get();
        if (world == null) {
            throw new RanksException(ErrorClass.USAGE, "Intracomm.world() was called outside a rank: start the program"
                    + " with 'bin/launcher -n N run --class-path PATH CLASS [ARGS...]' (or 'run JAR'), or run its code"
                    + " inside Intracomm.run(n, comm -> ...)");
        }
        return world;
    }

    /**
     * The binder that hands each rank of a job an {@code Intracomm} over every rank; for
     * {@link Ranks#run(int, Settings, dev.ranks.comm.RankMain, CommBinder)} and test kits that take one.
     *
     * @return a binder whose communicators are {@code Intracomm}s
     */
    public static CommBinder binder() {
        return endpoint -> new Intracomm(new Comm(endpoint));
    }

    // ---------------------------------------------------------------- communicators

    /**
     * Agrees with every rank of this communicator on a context no member uses yet: the maximum of
     * every member's {@link #freeContext()}. Collective.
     *
     * @return the context, for {@link #Intracomm(Intracomm, int, int[])}
     */
    protected final int agreeContext() {
        int[] context = {freeContext()};
        allreduce(context, Op.MAX);
        return context[0];
    }

    /**
     * Splits this communicator into disjoint ones, one per color (MPI_Comm_split, mpi4py's
     * {@code comm.Split}). Ranks of one color form a new communicator, ordered by key, ties broken
     * by rank in this communicator. Collective.
     *
     * @param color the group to join, at least 0, or {@link #UNDEFINED} to join none
     * @param key the order within the group
     * @return the new communicator, or null for {@link #UNDEFINED}
     */
    public Intracomm split(int color, int key) {
        if (color < 0 && color != UNDEFINED) {
            throw new RanksException(ErrorClass.ARG, rank(), "split color " + color
                    + " is invalid: expected a color >= 0 or UNDEFINED", null);
        }
        int size = size();
        // One allgather of (color, key, free context) per rank serves both the grouping and the
        // context agreement of agreeContext().
        int[] entries = new int[3 * size];
        entries[3 * rank()] = color;
        entries[3 * rank() + 1] = key;
        entries[3 * rank() + 2] = freeContext();
        allgather(entries, 3);
        if (color == UNDEFINED) {
            return null;
        }
        int context = 0;
        List<int[]> members = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            context = Math.max(context, entries[3 * r + 2]);
            if (entries[3 * r] == color) {
                members.add(new int[] {entries[3 * r + 1], r});
            }
        }
        members.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[] ranks = members.stream().mapToInt(m -> m[1]).toArray();
        return new Intracomm(this, context, ranks);
    }

    /**
     * A communicator over the same ranks in the same order with a context of its own
     * (MPI_Comm_dup): its messages, point-to-point and collective, never mix with this one's.
     * Collective.
     *
     * @return the duplicate
     */
    public Intracomm dup() {
        int context = agreeContext();
        int[] ranks = new int[size()];
        Arrays.setAll(ranks, i -> i);
        return new Intracomm(this, context, ranks);
    }

    // ---------------------------------------------------------------- barrier

    /**
     * Blocks until every rank of this communicator has called {@code barrier} (MPI_Barrier).
     * No rank returns before the last one has entered.
     */
    public void barrier() {
        NativeComm device = nativeChoice(Collective.BARRIER, null, null);
        if (device != null) {
            RankTrace trace = rankTrace();
            if (trace == null) {
                Registry.<Impl.NativeBarrier>get(Algorithm.BARRIER_NATIVE).run(device);
            } else {
                traced(trace, Algorithm.BARRIER_NATIVE, 0,
                        () -> Registry.<Impl.NativeBarrier>get(Algorithm.BARRIER_NATIVE).run(device));
            }
            return;
        }
        ShmArea.Member m = sharedChoice(Collective.BARRIER, 0);
        if (m == null) {
            barrierWork().run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.SharedBarrier>get(Algorithm.BARRIER_SHM).run(m);
        } else {
            traced(trace, Algorithm.BARRIER_SHM, 0, () -> Registry.<Impl.SharedBarrier>get(Algorithm.BARRIER_SHM).run(m));
        }
    }

    /**
     * Starts a barrier (MPI_Ibarrier): the request completes once every rank has entered it.
     *
     * @return the request
     */
    public CollectiveRequest<Void> barrierAsync() {
        return async(barrierWork(), () -> null);
    }

    // ---------------------------------------------------------------- objects

    /**
     * Broadcasts an object from the root (mpi4py's {@code comm.bcast}).
     *
     * @param obj the object at the root; ignored elsewhere
     * @param root the rank that has the object
     * @param <T> the object's type
     * @return the object: the root's own at the root, a copy (or the same immutable value) elsewhere
     */
    public <T> T bcast(T obj, int root) {
        return bcastAsyncWork(obj, root).get();
    }

    /**
     * Starts broadcasting an object (the non-blocking {@link #bcast(Object, int)}).
     *
     * @param obj the object at the root; ignored elsewhere
     * @param root the rank that has the object
     * @param <T> the object's type
     * @return the request; {@link CollectiveRequest#get()} returns the object
     */
    public <T> CollectiveRequest<T> bcastAsync(T obj, int root) {
        return bcastAsyncWork(obj, root).start();
    }

    /**
     * Scatters a list from the root: rank {@code i} receives item {@code i} (mpi4py's
     * {@code comm.scatter}).
     *
     * @param items at the root, exactly {@link #size()} items; ignored elsewhere (may be null)
     * @param root the rank that has the items
     * @param <T> the items' type
     * @return this rank's item
     * @throws RanksException with {@link ErrorClass#COUNT} at the root when the list does not have
     *     {@code size()} items
     */
    public <T> T scatter(List<? extends T> items, int root) {
        return this.<T>scatterObjects(items, root).get();
    }

    /**
     * Starts a scatter of a list (the non-blocking {@link #scatter(List, int)}).
     *
     * @param items at the root, exactly {@link #size()} items; ignored elsewhere
     * @param root the rank that has the items
     * @param <T> the items' type
     * @return the request; {@link CollectiveRequest#get()} returns this rank's item
     */
    public <T> CollectiveRequest<T> scatterAsync(List<? extends T> items, int root) {
        return this.<T>scatterObjects(items, root).start();
    }

    /**
     * Gathers one object from every rank to the root (mpi4py's {@code comm.gather}).
     *
     * @param item this rank's object
     * @param root the rank that receives
     * @param <T> the objects' type
     * @return at the root, the objects in rank order; null elsewhere
     */
    public <T> List<T> gather(T item, int root) {
        return this.<T>gatherObjects(item, root).get();
    }

    /**
     * Starts a gather of objects (the non-blocking {@link #gather(Object, int)}).
     *
     * @param item this rank's object
     * @param root the rank that receives
     * @param <T> the objects' type
     * @return the request; {@link CollectiveRequest#get()} returns the list at the root, null elsewhere
     */
    public <T> CollectiveRequest<List<T>> gatherAsync(T item, int root) {
        return this.<T>gatherObjects(item, root).start();
    }

    /**
     * Gathers one object from every rank to every rank (mpi4py's {@code comm.allgather}).
     *
     * @param item this rank's object
     * @param <T> the objects' type
     * @return the objects in rank order
     */
    public <T> List<T> allgather(T item) {
        return this.<T>allgatherObjects(item).get();
    }

    /**
     * Starts an allgather of objects (the non-blocking {@link #allgather(Object)}).
     *
     * @param item this rank's object
     * @param <T> the objects' type
     * @return the request; {@link CollectiveRequest#get()} returns the objects in rank order
     */
    public <T> CollectiveRequest<List<T>> allgatherAsync(T item) {
        return this.<T>allgatherObjects(item).start();
    }

    /**
     * Sends item {@code j} of a list to rank {@code j} and receives one item from every rank
     * (mpi4py's {@code comm.alltoall}).
     *
     * @param items exactly {@link #size()} items
     * @param <T> the items' type
     * @return item {@code i} came from rank {@code i}
     */
    public <T> List<T> alltoall(List<? extends T> items) {
        return this.<T>alltoallObjects(items).get();
    }

    /**
     * Starts an alltoall of objects (the non-blocking {@link #alltoall(List)}).
     *
     * @param items exactly {@link #size()} items
     * @param <T> the items' type
     * @return the request; {@link CollectiveRequest#get()} returns the items received
     */
    public <T> CollectiveRequest<List<T>> alltoallAsync(List<? extends T> items) {
        return this.<T>alltoallObjects(items).start();
    }

    /**
     * Combines one object from every rank at the root (mpi4py's {@code comm.reduce}):
     * {@code v0 ∘ v1 ∘ … ∘ v(p-1)}.
     *
     * @param value this rank's value
     * @param op the operation
     * @param root the rank that receives the result
     * @param <T> the values' type
     * @return the result at the root; null elsewhere
     */
    public <T> T reduce(T value, Op op, int root) {
        return this.<T>reduceObjects(value, op, root).get();
    }

    /**
     * Starts a reduce of objects (the non-blocking {@link #reduce(Object, Op, int)}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param root the rank that receives the result
     * @param <T> the values' type
     * @return the request; {@link CollectiveRequest#get()} returns the result at the root
     */
    public <T> CollectiveRequest<T> reduceAsync(T value, Op op, int root) {
        return this.<T>reduceObjects(value, op, root).start();
    }

    /**
     * Combines one object from every rank, result on every rank (mpi4py's {@code comm.allreduce}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param <T> the values' type
     * @return {@code v0 ∘ v1 ∘ … ∘ v(p-1)}
     */
    public <T> T allreduce(T value, Op op) {
        return this.<T>allreduceObjects(value, op).get();
    }

    /**
     * Starts an allreduce of objects (the non-blocking {@link #allreduce(Object, Op)}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param <T> the values' type
     * @return the request; {@link CollectiveRequest#get()} returns the result
     */
    public <T> CollectiveRequest<T> allreduceAsync(T value, Op op) {
        return this.<T>allreduceObjects(value, op).start();
    }

    /**
     * Combines item {@code j} of every rank's list and gives the result to rank {@code j}
     * (MPI_Reduce_scatter with one item per rank).
     *
     * @param items exactly {@link #size()} items
     * @param op the operation
     * @param <T> the items' type
     * @return for rank {@code r}, {@code items0[r] ∘ items1[r] ∘ …}
     */
    public <T> T reduceScatter(List<? extends T> items, Op op) {
        return this.<T>reduceScatterObjects(items, op).get();
    }

    /**
     * Starts a reduce-scatter of objects (the non-blocking {@link #reduceScatter(List, Op)}).
     *
     * @param items exactly {@link #size()} items
     * @param op the operation
     * @param <T> the items' type
     * @return the request; {@link CollectiveRequest#get()} returns this rank's result
     */
    public <T> CollectiveRequest<T> reduceScatterAsync(List<? extends T> items, Op op) {
        return this.<T>reduceScatterObjects(items, op).start();
    }

    /**
     * Inclusive prefix reduction (mpi4py's {@code comm.scan}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param <T> the values' type
     * @return on rank {@code r}, {@code v0 ∘ … ∘ vr}
     */
    public <T> T scan(T value, Op op) {
        return this.<T>scanObjects(value, op, false).get();
    }

    /**
     * Starts an inclusive prefix reduction (the non-blocking {@link #scan(Object, Op)}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param <T> the values' type
     * @return the request; {@link CollectiveRequest#get()} returns the prefix
     */
    public <T> CollectiveRequest<T> scanAsync(T value, Op op) {
        return this.<T>scanObjects(value, op, false).start();
    }

    /**
     * Exclusive prefix reduction (mpi4py's {@code comm.exscan}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param <T> the values' type
     * @return on rank {@code r > 0}, {@code v0 ∘ … ∘ v(r-1)}; null on rank 0
     */
    public <T> T exscan(T value, Op op) {
        return this.<T>scanObjects(value, op, true).get();
    }

    /**
     * Starts an exclusive prefix reduction (the non-blocking {@link #exscan(Object, Op)}).
     *
     * @param value this rank's value
     * @param op the operation
     * @param <T> the values' type
     * @return the request; {@link CollectiveRequest#get()} returns the prefix, null on rank 0
     */
    public <T> CollectiveRequest<T> exscanAsync(T value, Op op) {
        return this.<T>scanObjects(value, op, true).start();
    }

    // ---------------------------------------------------------------- object workers

    /** A collective written down but not started: run it blocking, or start it as a request. */
    private final class Pending<R> {
        private final Schedule schedule;
        private final Supplier<R> result;

        Pending(Schedule schedule, Supplier<R> result) {
            this.schedule = schedule;
            this.result = result;
        }

        R get() {
            schedule.run();
            return result.get();
        }

        CollectiveRequest<R> start() {
            return new CollectiveRequest<>(schedule, result);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T item(Object[] items, int i) {
        return (T) items[i];
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object[] items) {
        return Collections.unmodifiableList(Arrays.asList((T[]) items));
    }

    private <T> Pending<T> bcastAsyncWork(T obj, int root) {
        Object[] box = {rank() == root ? obj : null};
        return new Pending<>(bcastWork(box, 0, 1, root), () -> item(box, 0));
    }

    private <T> Pending<T> scatterObjects(List<? extends T> items, int root) {
        checkRoot(root, "scatter");
        Object[] send = null;
        if (rank() == root) {
            send = itemsOf(items, "scatter");
        }
        Object[] recv = new Object[1];
        return new Pending<>(scatterWork(send, null, null, recv, 0, 1, root, true), () -> item(recv, 0));
    }

    private <T> Pending<List<T>> gatherObjects(T item, int root) {
        checkRoot(root, "gather");
        Object[] recv = rank() == root ? new Object[size()] : null;
        return new Pending<>(gatherWork(new Object[] {item}, 0, 1, recv, null, null, root, true),
                () -> recv == null ? null : list(recv));
    }

    private <T> Pending<List<T>> allgatherObjects(T item) {
        Object[] recv = new Object[size()];
        return new Pending<>(allgatherWork(new Object[] {item}, 0, 1, recv, null, null, true), () -> list(recv));
    }

    private <T> Pending<List<T>> alltoallObjects(List<? extends T> items) {
        Object[] send = itemsOf(items, "alltoall");
        Object[] recv = new Object[size()];
        int[] ones = Blocks.uniform(size(), 1);
        int[] displs = Blocks.displacements(ones);
        return new Pending<>(alltoallWork(send, ones, displs, recv, ones, displs, true), () -> list(recv));
    }

    private <T> Pending<T> reduceObjects(T value, Op op, int root) {
        Object[] box = {value};
        Object[] result = new Object[1];
        return new Pending<>(reduceWork(op, box, 0, rank() == root ? result : null, 0, 1, root),
                () -> rank() == root ? item(result, 0) : null);
    }

    private <T> Pending<T> allreduceObjects(T value, Op op) {
        Object[] box = {value};
        return new Pending<>(allreduceWork(op, box, 0, box, 0, 1), () -> item(box, 0));
    }

    private <T> Pending<T> reduceScatterObjects(List<? extends T> items, Op op) {
        Object[] send = itemsOf(items, "reduceScatter");
        Object[] recv = new Object[1];
        return new Pending<>(reduceScatterWork(op, send, recv, Blocks.uniform(size(), 1)), () -> item(recv, 0));
    }

    private <T> Pending<T> scanObjects(T value, Op op, boolean exclusive) {
        Object[] box = {value};
        return new Pending<>(scanWork(op, box, 0, box, 0, 1, exclusive),
                () -> exclusive && rank() == 0 ? null : item(box, 0));
    }

    private Object[] itemsOf(List<?> items, String collective) {
        if (items == null) {
            throw new RanksException(ErrorClass.ARG, rank(), collective + ": the list of items is null: expected "
                    + size() + " items, one per rank", null);
        }
        if (items.size() != size()) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": expecting " + size()
                    + " items, got " + items.size(), null);
        }
        return items.toArray();
    }

    // ---------------------------------------------------------------- array workers

    private <A> CollectiveRequest<A> async(Schedule schedule, Supplier<A> result) {
        return new CollectiveRequest<>(schedule, result);
    }

    private Schedule newSchedule() {
        return new Schedule(collective, shared.nextTag());
    }

    /**
     * Every rank must reach the same choice, so {@code bytes} must be the same on every rank: the
     * v forms pass 0, since their counts differ between ranks.
     */
    private Algorithm choose(Schedule s, Collective c, long bytes, Op op, boolean uniform) {
        Algorithm chosen = shared.selector.choose(c, rank(), size(), bytes, op, uniform);
        RankTrace trace = rankTrace();
        if (trace != null) {
            s.trace(trace, c.label(), chosen.label(), bytes);
        }
        return chosen;
    }

    /**
     * This rank's member of the communicator's shared-memory area when the selector picks the
     * shared-memory algorithm for a blocking call on primitive arrays; null for the point-to-point
     * path. Every rank reaches the same answer: it depends on the size, the bytes and the device.
     */
    private ShmArea.Member sharedChoice(Collective c, long bytes) {
        if (!shared.probed) {
            shared.probed = true;
            SharedMemory memory = sharedMemory();
            if (memory != null) {
                int[] members = worldRanks();
                ShmArea area = memory.area(sharedKey(), () -> new ShmArea(members));
                shared.member = area.member(rank());
                shared.member.bind(memory, settings().waitPolicy());
            }
        }
        Algorithm chosen = shared.selector.chooseShared(c, rank(), size(), bytes, shared.member != null);
        return chosen == null ? null : shared.member;
    }

    /**
     * The device's own collectives on this communicator when the selector picks the native
     * algorithm for a blocking call on primitive arrays with the same count on every rank; null for
     * the shared-memory or point-to-point path. Every rank reaches the same answer: it depends on
     * the element type, the op, the forced choice and the device.
     *
     * @param type the element type; null for barrier, which moves no data
     * @param op the reduction; null for a collective that does not reduce
     */
    private NativeComm nativeChoice(Collective c, ElementType type, Op op) {
        boolean supported = false;
        if (natives != null) {
            NativeOp nativeOp = op == null ? null : op.nativeOp();
            supported = type == null || (op == null || nativeOp != null) && natives.device().supports(type, nativeOp);
        }
        return shared.selector.chooseNative(c, rank(), natives != null, supported) == null ? null : natives;
    }

    /**
     * Runs a collective that has no schedule (a shared-memory or native algorithm) and records it
     * in the rank's trace, failed or not.
     */
    private static void traced(RankTrace trace, Algorithm algorithm, long bytes, Runnable call) {
        long start = trace.now();
        Throwable error = null;
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            error = e;
            throw e;
        } finally {
            trace.collective(algorithm.collective().label(), algorithm.label(), bytes, start, error);
        }
    }

    private Schedule barrierWork() {
        Schedule s = newSchedule();
        Registry.<Impl.Barrier>get(choose(s, Collective.BARRIER, 0, null, true)).schedule(s);
        return s;
    }

    /** A blocking bcast of a primitive array: by the device or through shared memory when the selector says so. */
    private void bcastNow(Object array, int offset, int count, int root) {
        Buf buf = bcastChecked(array, offset, count, root);
        long bytes = bytes(buf, count);
        NativeComm device = nativeChoice(Collective.BCAST, buf.type, null);
        if (device != null) {
            RankTrace trace = rankTrace();
            if (trace == null) {
                Registry.<Impl.NativeBcast>get(Algorithm.BCAST_NATIVE).run(device, buf, offset, count, root);
            } else {
                traced(trace, Algorithm.BCAST_NATIVE, bytes,
                        () -> Registry.<Impl.NativeBcast>get(Algorithm.BCAST_NATIVE)
                                .run(device, buf, offset, count, root));
            }
            return;
        }
        ShmArea.Member m = sharedChoice(Collective.BCAST, bytes);
        if (m == null) {
            bcastSchedule(buf, offset, count, root).run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.SharedBcast>get(Algorithm.BCAST_SHM).run(m, buf, offset, count, root);
        } else {
            traced(trace, Algorithm.BCAST_SHM, bytes,
                    () -> Registry.<Impl.SharedBcast>get(Algorithm.BCAST_SHM).run(m, buf, offset, count, root));
        }
    }

    private Schedule bcastWork(Object array, int offset, int count, int root) {
        return bcastSchedule(bcastChecked(array, offset, count, root), offset, count, root);
    }

    private Buf bcastChecked(Object array, int offset, int count, int root) {
        Buf buf = buffer(array, "bcast", "buf");
        checkRoot(root, "bcast");
        checkSlice(buf, offset, count, "bcast", "buf");
        return buf;
    }

    private Schedule bcastSchedule(Buf buf, int offset, int count, int root) {
        Schedule s = newSchedule();
        Registry.<Impl.Bcast>get(choose(s, Collective.BCAST, bytes(buf, count), null, true))
                .schedule(s, buf, offset, count, root);
        return s;
    }

    /** Scatter and scatterv; {@code counts == null} means the uniform form with {@code recvCount} each. */
    private Schedule scatterWork(Object send, int[] counts, int[] displs, Object recvArray, int recvOffset,
                                 int recvCount, int root, boolean uniform) {
        Buf recv = scatterRecv(recvArray, recvOffset, recvCount, root);
        if (uniform) {
            counts = Blocks.uniform(size(), recvCount);
            displs = Blocks.displacements(counts);
        }
        Buf sendBuf = scatterSend(send, counts, displs, recv, root);
        if (sendBuf == null && !uniform) {
            counts = null;
            displs = null;
        }
        return scatterSchedule(sendBuf, counts, displs, recv, recvOffset, recvCount, root, uniform);
    }

    /** A blocking scatter of {@code recv.length} elements to each rank: by the device when the selector says so. */
    private void scatterNow(Object send, Object recvArray, int root) {
        int count = length(recvArray);
        Buf recv = scatterRecv(recvArray, 0, count, root);
        int[] counts = Blocks.uniform(size(), count);
        int[] displs = Blocks.displacements(counts);
        Buf sendBuf = scatterSend(send, counts, displs, recv, root);
        NativeComm device = nativeChoice(Collective.SCATTER, recv.type, null);
        if (device == null) {
            scatterSchedule(sendBuf, counts, displs, recv, 0, count, root, true).run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.NativeScatter>get(Algorithm.SCATTER_NATIVE).run(device, sendBuf, count, recv, 0, root);
        } else {
            traced(trace, Algorithm.SCATTER_NATIVE, bytes(recv, count),
                    () -> Registry.<Impl.NativeScatter>get(Algorithm.SCATTER_NATIVE)
                            .run(device, sendBuf, count, recv, 0, root));
        }
    }

    private Buf scatterRecv(Object recvArray, int recvOffset, int recvCount, int root) {
        checkRoot(root, "scatter");
        Buf recv = buffer(recvArray, "scatter", "recv");
        checkSlice(recv, recvOffset, recvCount, "scatter", "recv");
        return recv;
    }

    /** @return the root's send buffer, checked against the blocks; null on the other ranks */
    private Buf scatterSend(Object send, int[] counts, int[] displs, Buf recv, int root) {
        if (rank() != root) {
            return null;
        }
        Buf sendBuf = buffer(send, "scatter", "send");
        sameType(sendBuf, recv, "scatter");
        checkBlocks(sendBuf, counts, displs, "scatter", "send");
        return sendBuf;
    }

    private Schedule scatterSchedule(Buf send, int[] counts, int[] displs, Buf recv, int recvOffset, int recvCount,
                                     int root, boolean uniform) {
        Schedule s = newSchedule();
        Registry.<Impl.Scatter>get(choose(s, Collective.SCATTER, uniform ? bytes(recv, recvCount) : 0, null, uniform))
                .schedule(s, send, counts, displs, recv, recvOffset, recvCount, root);
        return s;
    }

    private Schedule gatherWork(Object sendArray, int sendOffset, int sendCount, Object recv, int[] counts,
                                int[] displs, int root, boolean uniform) {
        Buf send = gatherSend(sendArray, sendOffset, sendCount, root);
        if (uniform) {
            counts = Blocks.uniform(size(), sendCount);
            displs = Blocks.displacements(counts);
        }
        Buf recvBuf = gatherRecv(recv, send, counts, displs, root);
        if (recvBuf == null && !uniform) {
            counts = null;
            displs = null;
        }
        return gatherSchedule(send, sendOffset, sendCount, recvBuf, counts, displs, root, uniform);
    }

    /** A blocking gather of {@code send.length} elements from each rank: by the device when the selector says so. */
    private void gatherNow(Object sendArray, Object recv, int root) {
        int count = length(sendArray);
        Buf send = gatherSend(sendArray, 0, count, root);
        int[] counts = Blocks.uniform(size(), count);
        int[] displs = Blocks.displacements(counts);
        Buf recvBuf = gatherRecv(recv, send, counts, displs, root);
        NativeComm device = nativeChoice(Collective.GATHER, send.type, null);
        if (device == null) {
            gatherSchedule(send, 0, count, recvBuf, counts, displs, root, true).run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.NativeGather>get(Algorithm.GATHER_NATIVE).run(device, send, 0, count, recvBuf, root);
        } else {
            traced(trace, Algorithm.GATHER_NATIVE, bytes(send, count),
                    () -> Registry.<Impl.NativeGather>get(Algorithm.GATHER_NATIVE)
                            .run(device, send, 0, count, recvBuf, root));
        }
    }

    private Buf gatherSend(Object sendArray, int sendOffset, int sendCount, int root) {
        checkRoot(root, "gather");
        Buf send = buffer(sendArray, "gather", "send");
        checkSlice(send, sendOffset, sendCount, "gather", "send");
        return send;
    }

    /** @return the root's receive buffer, checked against the blocks; null on the other ranks */
    private Buf gatherRecv(Object recv, Buf send, int[] counts, int[] displs, int root) {
        if (rank() != root) {
            return null;
        }
        Buf recvBuf = buffer(recv, "gather", "recv");
        sameType(send, recvBuf, "gather");
        checkBlocks(recvBuf, counts, displs, "gather", "recv");
        return recvBuf;
    }

    private Schedule gatherSchedule(Buf send, int sendOffset, int sendCount, Buf recv, int[] counts, int[] displs,
                                    int root, boolean uniform) {
        Schedule s = newSchedule();
        Registry.<Impl.Gather>get(choose(s, Collective.GATHER, uniform ? bytes(send, sendCount) : 0, null, uniform))
                .schedule(s, send, sendOffset, sendCount, recv, counts, displs, root);
        return s;
    }

    /** Allgather(v); {@code send == null} is the in-place form, the own block already in place. */
    private Schedule allgatherWork(Object send, int sendOffset, int sendCount, Object recvArray, int[] counts,
                                   int[] displs, boolean uniform) {
        Buf recv = buffer(recvArray, "allgather", "recv");
        if (uniform) {
            counts = Blocks.uniform(size(), sendCount);
            displs = Blocks.displacements(counts);
        }
        allgatherOwnBlock(send, sendOffset, sendCount, recv, counts, displs);
        return allgatherSchedule(recv, counts, displs, uniform);
    }

    /**
     * A blocking allgather of {@code count} elements from each rank, in place when {@code send ==
     * null}: by the device when the selector says so.
     */
    private void allgatherNow(Object send, int count, Object recvArray) {
        Buf recv = buffer(recvArray, "allgather", "recv");
        int[] counts = Blocks.uniform(size(), count);
        int[] displs = Blocks.displacements(counts);
        allgatherOwnBlock(send, 0, count, recv, counts, displs);
        NativeComm device = nativeChoice(Collective.ALLGATHER, recv.type, null);
        if (device == null) {
            allgatherSchedule(recv, counts, displs, true).run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.NativeAllgather>get(Algorithm.ALLGATHER_NATIVE).run(device, recv, count);
        } else {
            traced(trace, Algorithm.ALLGATHER_NATIVE, bytes(recv, count),
                    () -> Registry.<Impl.NativeAllgather>get(Algorithm.ALLGATHER_NATIVE).run(device, recv, count));
        }
    }

    /**
     * Checks the blocks, and copies this rank's block into place unless the call is in place
     * ({@code send == null}).
     */
    private void allgatherOwnBlock(Object send, int sendOffset, int sendCount, Buf recv, int[] counts, int[] displs) {
        checkBlocks(recv, counts, displs, "allgather", "recv");
        if (send != null) {
            Buf sendBuf = buffer(send, "allgather", "send");
            sameType(sendBuf, recv, "allgather");
            checkSlice(sendBuf, sendOffset, sendCount, "allgather", "send");
            Checks.fits(sendCount, counts[rank()], rank(), "allgather");
            sendBuf.copyTo(sendOffset, recv, displs[rank()], sendCount);
        }
    }

    private Schedule allgatherSchedule(Buf recv, int[] counts, int[] displs, boolean uniform) {
        Schedule s = newSchedule();
        Registry.<Impl.Allgather>get(choose(s, Collective.ALLGATHER, uniform ? bytes(recv, counts[rank()]) : 0, null,
                uniform))
                .schedule(s, recv, counts, displs);
        return s;
    }

    private Schedule alltoallWork(Object sendArray, int[] sendCounts, int[] sendDispls, Object recvArray,
                                  int[] recvCounts, int[] recvDispls, boolean uniform) {
        Buf send = buffer(sendArray, "alltoall", "send");
        Buf recv = buffer(recvArray, "alltoall", "recv");
        alltoallChecked(send, sendCounts, sendDispls, recv, recvCounts, recvDispls);
        return alltoallSchedule(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, uniform);
    }

    /**
     * A blocking alltoall of {@code send.length / size()} elements a block: by the device when the
     * selector says so.
     */
    private void alltoallNow(Object sendArray, Object recvArray) {
        int[] counts = alltoallCounts(sendArray);
        int[] displs = Blocks.displacements(counts);
        Buf send = buffer(sendArray, "alltoall", "send");
        Buf recv = buffer(recvArray, "alltoall", "recv");
        alltoallChecked(send, counts, displs, recv, counts, displs);
        NativeComm device = nativeChoice(Collective.ALLTOALL, send.type, null);
        if (device == null) {
            alltoallSchedule(send, counts, displs, recv, counts, displs, true).run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.NativeAlltoall>get(Algorithm.ALLTOALL_NATIVE).run(device, send, counts[0], recv);
        } else {
            traced(trace, Algorithm.ALLTOALL_NATIVE, bytes(send, counts[0]),
                    () -> Registry.<Impl.NativeAlltoall>get(Algorithm.ALLTOALL_NATIVE)
                            .run(device, send, counts[0], recv));
        }
    }

    private void alltoallChecked(Buf send, int[] sendCounts, int[] sendDispls, Buf recv, int[] recvCounts,
                                 int[] recvDispls) {
        sameType(send, recv, "alltoall");
        checkBlocks(send, sendCounts, sendDispls, "alltoall", "send");
        checkBlocks(recv, recvCounts, recvDispls, "alltoall", "recv");
    }

    /**
     * One array as send and receive is MPI's in-place alltoall: the blocks go from a copy, never
     * overwritten before they are sent.
     */
    private Schedule alltoallSchedule(Buf send, int[] sendCounts, int[] sendDispls, Buf recv, int[] recvCounts,
                                      int[] recvDispls, boolean uniform) {
        if (send.array == recv.array) {
            send = send.allocate(send.length());
            recv.copyTo(0, send, 0, send.length());
        }
        Schedule s = newSchedule();
        Registry.<Impl.Alltoall>get(choose(s, Collective.ALLTOALL, uniform ? bytes(send, sendCounts[0]) : 0, null,
                uniform)).schedule(s, send, sendCounts, sendDispls, recv, recvCounts, recvDispls);
        return s;
    }

    /** Reduce; {@code recv == send} (same array and offset) at the root is the in-place form. */
    private Schedule reduceWork(Op op, Object sendArray, int sendOffset, Object recvArray, int recvOffset, int count,
                                int root) {
        Buf send = reduceSend(op, sendArray, sendOffset, count, root);
        Buf recv = reduceRecv(send, recvArray, recvOffset, count, root);
        return reduceSchedule(op, send, sendOffset, recv, recvOffset, count, root);
    }

    /**
     * A blocking reduce of primitive arrays, in place at the root when {@code recv == send}: by the
     * device when the selector says so.
     */
    private void reduceNow(Op op, Object sendArray, Object recvArray, int root) {
        int count = length(sendArray);
        Buf send = reduceSend(op, sendArray, 0, count, root);
        Buf recv = reduceRecv(send, recvArray, 0, count, root);
        NativeComm device = nativeChoice(Collective.REDUCE, send.type, op);
        if (device == null) {
            reduceSchedule(op, send, 0, recv, 0, count, root).run();
            return;
        }
        NativeOp nativeOp = op.nativeOp();
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.NativeReduce>get(Algorithm.REDUCE_NATIVE)
                    .run(device, nativeOp, send, 0, recv, 0, count, root);
        } else {
            traced(trace, Algorithm.REDUCE_NATIVE, bytes(send, count),
                    () -> Registry.<Impl.NativeReduce>get(Algorithm.REDUCE_NATIVE)
                            .run(device, nativeOp, send, 0, recv, 0, count, root));
        }
    }

    private Buf reduceSend(Op op, Object sendArray, int sendOffset, int count, int root) {
        checkRoot(root, "reduce");
        Buf send = buffer(sendArray, "reduce", "send");
        checkSlice(send, sendOffset, count, "reduce", "send");
        checkOp(op, send, count, "reduce");
        return send;
    }

    /** @return the root's receive buffer, checked; null on the other ranks */
    private Buf reduceRecv(Buf send, Object recvArray, int recvOffset, int count, int root) {
        if (rank() != root) {
            return null;
        }
        Buf recv = buffer(recvArray, "reduce", "recv");
        sameType(send, recv, "reduce");
        checkSlice(recv, recvOffset, count, "reduce", "recv");
        return recv;
    }

    /** The algorithms reduce in a work buffer: the root's receive range, a copy of the send range elsewhere. */
    private Schedule reduceSchedule(Op op, Buf send, int sendOffset, Buf recv, int recvOffset, int count, int root) {
        Buf work;
        int workOffset;
        if (recv != null) {
            work = recv;
            workOffset = recvOffset;
            if (send.array != recv.array || sendOffset != recvOffset) {
                send.copyTo(sendOffset, work, recvOffset, count);
            }
        } else {
            work = send.allocate(count);
            workOffset = 0;
            send.copyTo(sendOffset, work, 0, count);
        }
        Schedule s = newSchedule();
        Registry.<Impl.Reduce>get(choose(s, Collective.REDUCE, bytes(send, count), op, true))
                .schedule(s, op, work, workOffset, count, root);
        return s;
    }

    /** A blocking allreduce of primitive arrays: by the device or through shared memory when the selector says so. */
    private void allreduceNow(Op op, Object sendArray, int sendOffset, Object recvArray, int recvOffset, int count) {
        Buf send = buffer(sendArray, "allreduce", "send");
        Buf recv = buffer(recvArray, "allreduce", "recv");
        boolean inPlace = allreduceChecked(op, send, sendOffset, recv, recvOffset, count);
        long bytes = bytes(send, count);
        NativeComm device = nativeChoice(Collective.ALLREDUCE, send.type, op);
        if (device != null) {
            NativeOp nativeOp = op.nativeOp();
            RankTrace trace = rankTrace();
            if (trace == null) {
                Registry.<Impl.NativeAllreduce>get(Algorithm.ALLREDUCE_NATIVE)
                        .run(device, nativeOp, send, sendOffset, recv, recvOffset, count);
            } else {
                traced(trace, Algorithm.ALLREDUCE_NATIVE, bytes, () -> Registry.<Impl.NativeAllreduce>get(
                        Algorithm.ALLREDUCE_NATIVE).run(device, nativeOp, send, sendOffset, recv, recvOffset, count));
            }
            return;
        }
        ShmArea.Member m = sharedChoice(Collective.ALLREDUCE, bytes);
        if (m == null) {
            allreduceSchedule(op, send, sendOffset, recv, recvOffset, count, inPlace).run();
            return;
        }
        RankTrace trace = rankTrace();
        if (trace == null) {
            Registry.<Impl.SharedAllreduce>get(Algorithm.ALLREDUCE_SHM).run(m, op, send, sendOffset, recv, recvOffset, count);
        } else {
            traced(trace, Algorithm.ALLREDUCE_SHM, bytes, () -> Registry.<Impl.SharedAllreduce>get(Algorithm.ALLREDUCE_SHM)
                    .run(m, op, send, sendOffset, recv, recvOffset, count));
        }
    }

    private Schedule allreduceWork(Op op, Object sendArray, int sendOffset, Object recvArray, int recvOffset, int count) {
        Buf send = buffer(sendArray, "allreduce", "send");
        Buf recv = buffer(recvArray, "allreduce", "recv");
        boolean inPlace = allreduceChecked(op, send, sendOffset, recv, recvOffset, count);
        return allreduceSchedule(op, send, sendOffset, recv, recvOffset, count, inPlace);
    }

    /** @return whether the call is in place (send and recv the same range) */
    private boolean allreduceChecked(Op op, Buf send, int sendOffset, Buf recv, int recvOffset, int count) {
        sameType(send, recv, "allreduce");
        checkSlice(send, sendOffset, count, "allreduce", "send");
        checkSlice(recv, recvOffset, count, "allreduce", "recv");
        checkOp(op, send, count, "allreduce");
        boolean inPlace = send.array == recv.array && sendOffset == recvOffset;
        if (send.array == recv.array && !inPlace && Math.abs(sendOffset - recvOffset) < count) {
            throw new RanksException(ErrorClass.ARG, rank(), "allreduce: send (offset " + sendOffset + ") and recv (offset "
                    + recvOffset + ") overlap in one array of " + count + " elements: expected separate ranges, or the"
                    + " in-place form", null);
        }
        return inPlace;
    }

    private Schedule allreduceSchedule(Op op, Buf send, int sendOffset, Buf recv, int recvOffset, int count,
                                       boolean inPlace) {
        Schedule s = newSchedule();
        Registry.<Impl.Allreduce>get(choose(s, Collective.ALLREDUCE, bytes(send, count), op, true))
                .schedule(s, op, inPlace ? null : send, sendOffset, recv, recvOffset, count);
        return s;
    }

    private Schedule reduceScatterWork(Op op, Object sendArray, Object recvArray, int[] counts) {
        Buf send = buffer(sendArray, "reduceScatter", "send");
        Buf recv = buffer(recvArray, "reduceScatter", "recv");
        sameType(send, recv, "reduceScatter");
        checkCounts(counts, "reduceScatter");
        int total = Blocks.total(counts);
        checkSlice(send, 0, total, "reduceScatter", "send");
        checkSlice(recv, 0, counts[rank()], "reduceScatter", "recv");
        checkOp(op, send, total, "reduceScatter");
        if (op.pairs(send)) {
            for (int c : counts) {
                checkOp(op, send, c, "reduceScatter");
            }
        }
        Buf work = send.allocate(total);
        send.copyTo(0, work, 0, total);
        Schedule s = newSchedule();
        Registry.<Impl.ReduceScatter>get(choose(s, Collective.REDUCE_SCATTER, bytes(send, total), op, true))
                .schedule(s, op, work, counts, recv, 0);
        return s;
    }

    private Schedule scanWork(Op op, Object sendArray, int sendOffset, Object recvArray, int recvOffset, int count,
                              boolean exclusive) {
        String name = exclusive ? "exscan" : "scan";
        Buf send = buffer(sendArray, name, "send");
        Buf recv = buffer(recvArray, name, "recv");
        sameType(send, recv, name);
        checkSlice(send, sendOffset, count, name, "send");
        checkSlice(recv, recvOffset, count, name, "recv");
        checkOp(op, send, count, name);
        Buf work = recv;
        int workOffset = recvOffset;
        if (exclusive && rank() == 0 && sendArray != recvArray) {
            // Rank 0's result is undefined in MPI; leave its receive buffer alone.
            work = send.allocate(count);
            workOffset = 0;
            send.copyTo(sendOffset, work, 0, count);
        } else if (sendArray != recvArray || sendOffset != recvOffset) {
            send.copyTo(sendOffset, recv, recvOffset, count);
        }
        Schedule s = newSchedule();
        Collective c = exclusive ? Collective.EXSCAN : Collective.SCAN;
        Registry.<Impl.Scan>get(choose(s, c, bytes(send, count), op, true)).schedule(s, op, work, workOffset, count);
        return s;
    }

    private Schedule alltoallUniform(Object send, Object recv) {
        int[] counts = alltoallCounts(send);
        int[] displs = Blocks.displacements(counts);
        return alltoallWork(send, counts, displs, recv, counts, displs, true);
    }

    /** @return {@code size()} equal blocks of {@code send}, which must split into them */
    private int[] alltoallCounts(Object send) {
        int length = length(send);
        if (length % size() != 0) {
            throw new RanksException(ErrorClass.COUNT, rank(), "alltoall: send has " + length
                    + " elements, which do not split into " + size() + " equal blocks: expected a multiple of " + size(),
                    null);
        }
        return Blocks.uniform(size(), length / size());
    }

    // ---------------------------------------------------------------- checks

    private static int length(Object array) {
        return array == null ? 0 : java.lang.reflect.Array.getLength(array);
    }

    private static long bytes(Buf buf, int count) {
        return (long) buf.elementBytes() * count;
    }

    private Buf buffer(Object array, String collective, String name) {
        if (array == null) {
            throw new RanksException(ErrorClass.ARG, rank(), collective + ": " + name + " is null: expected an array",
                    null);
        }
        return Buf.of(array);
    }

    private void sameType(Buf send, Buf recv, String collective) {
        if (send.type != recv.type) {
            throw new RanksException(ErrorClass.TYPE, rank(), collective + ": send is " + send.describe()
                    + " but recv is " + recv.describe() + ": expected one element type", null);
        }
    }

    private void checkRoot(int root, String collective) {
        if (root < 0 || root >= size()) {
            throw new RanksException(ErrorClass.RANK, rank(), collective + ": root " + root
                    + " is out of range: expected 0.." + (size() - 1), null);
        }
    }

    private void checkSlice(Buf buf, int offset, int count, String collective, String name) {
        int length = buf.length();
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": offset " + offset + " and count " + count
                    + " do not fit " + name + " of length " + length + ": expected 0 <= offset, 0 <= count, offset + count <= "
                    + length, null);
        }
    }

    private void checkCounts(int[] counts, String collective) {
        if (counts == null || counts.length != size()) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": counts has "
                    + (counts == null ? "no" : String.valueOf(counts.length)) + " entries: expected " + size()
                    + ", one per rank", null);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new RanksException(ErrorClass.COUNT, rank(), collective + ": counts[" + i + "] is " + counts[i]
                        + ": expected a count >= 0", null);
            }
        }
    }

    private void checkBlocks(Buf buf, int[] counts, int[] displs, String collective, String name) {
        checkCounts(counts, collective);
        if (displs == null || displs.length != size()) {
            throw new RanksException(ErrorClass.COUNT, rank(), collective + ": displs has "
                    + (displs == null ? "no" : String.valueOf(displs.length)) + " entries: expected " + size()
                    + ", one per rank", null);
        }
        for (int i = 0; i < counts.length; i++) {
            if (displs[i] < 0 || displs[i] > buf.length() - counts[i]) {
                throw new RanksException(ErrorClass.COUNT, rank(), collective + ": block " + i + " (displacement "
                        + displs[i] + ", count " + counts[i] + ") does not fit " + name + " of length " + buf.length(),
                        null);
            }
        }
    }

    private void checkOp(Op op, Buf buf, int count, String collective) {
        if (op == null) {
            throw new RanksException(ErrorClass.ARG, rank(), collective + ": op is null: expected an Op such as Op.SUM",
                    null);
        }
        op.check(buf, count, rank());
    }

    /** State shared by every {@code Intracomm} object of one communicator on one rank. */
    private static final class Shared {
        private final Selector selector;
        private int sequence;
        /** Whether the device was asked for shared memory yet; set on the first blocking call. */
        private boolean probed;
        /** This rank's member of the communicator's shared-memory area; null when the device has none. */
        private ShmArea.Member member;

        Shared(Settings settings) {
            this.selector = new Selector(settings.collectives());
        }

        /** Collectives are called in the same order on every rank, so their sequence numbers agree. */
        int nextTag() {
            int tag = sequence;
            sequence = (sequence + 1) & 0x3fff_ffff;
            return tag;
        }
    }

    // ---------------------------------------------------------------- primitive arrays (generated)
    // GENERATED-BEGIN

    // byte[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(byte[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> bcastAsync(byte[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(byte[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> bcastAsync(byte[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(byte[] send, byte[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> scatterAsync(byte[] send, byte[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(byte[] send, int[] counts, int[] displs, byte[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> scattervAsync(byte[] send, int[] counts, int[] displs, byte[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(byte[] send, byte[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> gatherAsync(byte[] send, byte[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(byte[] send, byte[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> gathervAsync(byte[] send, byte[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(byte[] send, byte[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> allgatherAsync(byte[] send, byte[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(byte[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> allgatherAsync(byte[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(byte[] send, byte[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> allgathervAsync(byte[] send, byte[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(byte[] send, byte[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> alltoallAsync(byte[] send, byte[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(byte[] send, int[] sendCounts, int[] sendDispls, byte[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> alltoallvAsync(byte[] send, int[] sendCounts, int[] sendDispls, byte[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(byte[] send, byte[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> reduceAsync(byte[] send, byte[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(byte[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> reduceAsync(byte[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(byte[] send, byte[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> allreduceAsync(byte[] send, byte[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(byte[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> allreduceAsync(byte[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(byte[] send, byte[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> reduceScatterAsync(byte[] send, byte[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(byte[] send, byte[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> scanAsync(byte[] send, byte[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(byte[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> scanAsync(byte[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(byte[] send, byte[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<byte[]> exscanAsync(byte[] send, byte[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(byte[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<byte[]> exscanAsync(byte[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // short[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(short[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> bcastAsync(short[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(short[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> bcastAsync(short[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(short[] send, short[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> scatterAsync(short[] send, short[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(short[] send, int[] counts, int[] displs, short[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> scattervAsync(short[] send, int[] counts, int[] displs, short[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(short[] send, short[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> gatherAsync(short[] send, short[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(short[] send, short[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> gathervAsync(short[] send, short[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(short[] send, short[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> allgatherAsync(short[] send, short[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(short[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> allgatherAsync(short[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(short[] send, short[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> allgathervAsync(short[] send, short[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(short[] send, short[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> alltoallAsync(short[] send, short[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(short[] send, int[] sendCounts, int[] sendDispls, short[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> alltoallvAsync(short[] send, int[] sendCounts, int[] sendDispls, short[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(short[] send, short[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> reduceAsync(short[] send, short[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(short[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> reduceAsync(short[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(short[] send, short[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> allreduceAsync(short[] send, short[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(short[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> allreduceAsync(short[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(short[] send, short[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> reduceScatterAsync(short[] send, short[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(short[] send, short[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> scanAsync(short[] send, short[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(short[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> scanAsync(short[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(short[] send, short[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<short[]> exscanAsync(short[] send, short[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(short[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<short[]> exscanAsync(short[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // int[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(int[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> bcastAsync(int[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(int[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> bcastAsync(int[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(int[] send, int[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> scatterAsync(int[] send, int[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(int[] send, int[] counts, int[] displs, int[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> scattervAsync(int[] send, int[] counts, int[] displs, int[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(int[] send, int[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> gatherAsync(int[] send, int[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(int[] send, int[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> gathervAsync(int[] send, int[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(int[] send, int[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> allgatherAsync(int[] send, int[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(int[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> allgatherAsync(int[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(int[] send, int[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> allgathervAsync(int[] send, int[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(int[] send, int[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> alltoallAsync(int[] send, int[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(int[] send, int[] sendCounts, int[] sendDispls, int[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> alltoallvAsync(int[] send, int[] sendCounts, int[] sendDispls, int[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(int[] send, int[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> reduceAsync(int[] send, int[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(int[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> reduceAsync(int[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(int[] send, int[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> allreduceAsync(int[] send, int[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(int[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> allreduceAsync(int[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(int[] send, int[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> reduceScatterAsync(int[] send, int[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(int[] send, int[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> scanAsync(int[] send, int[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(int[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> scanAsync(int[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(int[] send, int[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<int[]> exscanAsync(int[] send, int[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(int[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<int[]> exscanAsync(int[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // long[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(long[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> bcastAsync(long[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(long[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> bcastAsync(long[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(long[] send, long[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> scatterAsync(long[] send, long[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(long[] send, int[] counts, int[] displs, long[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> scattervAsync(long[] send, int[] counts, int[] displs, long[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(long[] send, long[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> gatherAsync(long[] send, long[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(long[] send, long[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> gathervAsync(long[] send, long[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(long[] send, long[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> allgatherAsync(long[] send, long[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(long[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> allgatherAsync(long[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(long[] send, long[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> allgathervAsync(long[] send, long[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(long[] send, long[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> alltoallAsync(long[] send, long[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(long[] send, int[] sendCounts, int[] sendDispls, long[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> alltoallvAsync(long[] send, int[] sendCounts, int[] sendDispls, long[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(long[] send, long[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> reduceAsync(long[] send, long[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(long[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> reduceAsync(long[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(long[] send, long[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> allreduceAsync(long[] send, long[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(long[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> allreduceAsync(long[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(long[] send, long[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> reduceScatterAsync(long[] send, long[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(long[] send, long[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> scanAsync(long[] send, long[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(long[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> scanAsync(long[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(long[] send, long[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<long[]> exscanAsync(long[] send, long[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(long[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<long[]> exscanAsync(long[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // float[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(float[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> bcastAsync(float[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(float[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> bcastAsync(float[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(float[] send, float[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> scatterAsync(float[] send, float[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(float[] send, int[] counts, int[] displs, float[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> scattervAsync(float[] send, int[] counts, int[] displs, float[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(float[] send, float[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> gatherAsync(float[] send, float[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(float[] send, float[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> gathervAsync(float[] send, float[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(float[] send, float[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> allgatherAsync(float[] send, float[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(float[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> allgatherAsync(float[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(float[] send, float[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> allgathervAsync(float[] send, float[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(float[] send, float[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> alltoallAsync(float[] send, float[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(float[] send, int[] sendCounts, int[] sendDispls, float[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> alltoallvAsync(float[] send, int[] sendCounts, int[] sendDispls, float[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(float[] send, float[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> reduceAsync(float[] send, float[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(float[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> reduceAsync(float[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(float[] send, float[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> allreduceAsync(float[] send, float[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(float[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> allreduceAsync(float[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(float[] send, float[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> reduceScatterAsync(float[] send, float[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(float[] send, float[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> scanAsync(float[] send, float[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(float[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> scanAsync(float[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(float[] send, float[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<float[]> exscanAsync(float[] send, float[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(float[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<float[]> exscanAsync(float[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // double[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(double[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> bcastAsync(double[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(double[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> bcastAsync(double[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(double[] send, double[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> scatterAsync(double[] send, double[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(double[] send, int[] counts, int[] displs, double[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> scattervAsync(double[] send, int[] counts, int[] displs, double[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(double[] send, double[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> gatherAsync(double[] send, double[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(double[] send, double[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> gathervAsync(double[] send, double[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(double[] send, double[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> allgatherAsync(double[] send, double[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(double[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> allgatherAsync(double[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(double[] send, double[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> allgathervAsync(double[] send, double[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(double[] send, double[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> alltoallAsync(double[] send, double[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(double[] send, int[] sendCounts, int[] sendDispls, double[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> alltoallvAsync(double[] send, int[] sendCounts, int[] sendDispls, double[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(double[] send, double[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> reduceAsync(double[] send, double[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(double[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> reduceAsync(double[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(double[] send, double[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> allreduceAsync(double[] send, double[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(double[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> allreduceAsync(double[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(double[] send, double[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> reduceScatterAsync(double[] send, double[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(double[] send, double[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> scanAsync(double[] send, double[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(double[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> scanAsync(double[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(double[] send, double[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<double[]> exscanAsync(double[] send, double[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(double[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<double[]> exscanAsync(double[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // char[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(char[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> bcastAsync(char[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(char[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> bcastAsync(char[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(char[] send, char[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> scatterAsync(char[] send, char[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(char[] send, int[] counts, int[] displs, char[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> scattervAsync(char[] send, int[] counts, int[] displs, char[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(char[] send, char[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> gatherAsync(char[] send, char[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(char[] send, char[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> gathervAsync(char[] send, char[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(char[] send, char[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> allgatherAsync(char[] send, char[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(char[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> allgatherAsync(char[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(char[] send, char[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> allgathervAsync(char[] send, char[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(char[] send, char[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> alltoallAsync(char[] send, char[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(char[] send, int[] sendCounts, int[] sendDispls, char[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> alltoallvAsync(char[] send, int[] sendCounts, int[] sendDispls, char[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(char[] send, char[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> reduceAsync(char[] send, char[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(char[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> reduceAsync(char[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(char[] send, char[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> allreduceAsync(char[] send, char[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(char[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> allreduceAsync(char[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(char[] send, char[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> reduceScatterAsync(char[] send, char[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(char[] send, char[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> scanAsync(char[] send, char[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(char[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> scanAsync(char[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(char[] send, char[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<char[]> exscanAsync(char[] send, char[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(char[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<char[]> exscanAsync(char[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }


    // boolean[]

    /**
     * Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     */
    public void bcast(boolean[] buf, int root) {
        bcastNow(buf, 0, length(buf), root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts the whole array from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> bcastAsync(boolean[] buf, int root) {
        return async(bcastWork(buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     */
    public void bcast(boolean[] buf, int offset, int count, int root) {
        bcastNow(buf, offset, count, root);
    }

    /**
     * Starts the non-blocking form of: Broadcasts {@code count} elements from {@code offset} from the root (MPI_Bcast).
     *
     * @param buf the data at the root; filled with it elsewhere
     * @param offset the first element
     * @param count the number of elements
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> bcastAsync(boolean[] buf, int offset, int count, int root) {
        return async(bcastWork(buf, offset, count, root), () -> buf);
    }

    /**
     * Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     */
    public void scatter(boolean[] send, boolean[] recv, int root) {
        scatterNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of {@code recv.length} elements from the root: rank {@code i} receives block {@code i} (MPI_Scatter).
     *
     * @param send at the root, {@code size()} blocks end to end; ignored elsewhere (may be null)
     * @param recv this rank's block
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> scatterAsync(boolean[] send, boolean[] recv, int root) {
        return async(scatterWork(send, null, null, recv, 0, length(recv), root, true), () -> recv);
    }

    /**
     * Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     */
    public void scatterv(boolean[] send, int[] counts, int[] displs, boolean[] recv, int root) {
        scatterWork(send, counts, displs, recv, 0, length(recv), root, false).run();
    }

    /**
     * Starts the non-blocking form of: Scatters blocks of different sizes from the root: rank {@code i} receives {@code counts[i]} elements from {@code displs[i]} (MPI_Scatterv).
     *
     * @param send at the root, the data; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each rank's block starts in {@code send}; ignored elsewhere
     * @param recv this rank's block: room for at least its count
     * @param root the rank that has the data
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> scattervAsync(boolean[] send, int[] counts, int[] displs, boolean[] recv, int root) {
        return async(scatterWork(send, counts, displs, recv, 0, length(recv), root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     */
    public void gather(boolean[] send, boolean[] recv, int root) {
        gatherNow(send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to the root, in rank order (MPI_Gather).
     *
     * @param send this rank's block
     * @param recv at the root, room for {@code size()} blocks; ignored elsewhere (may be null)
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> gatherAsync(boolean[] send, boolean[] recv, int root) {
        return async(gatherWork(send, 0, length(send), recv, null, null, root, true), () -> recv);
    }

    /**
     * Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     */
    public void gatherv(boolean[] send, boolean[] recv, int[] counts, int[] displs, int root) {
        gatherWork(send, 0, length(send), recv, counts, displs, root, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to the root: rank {@code i}'s block lands at {@code displs[i]} (MPI_Gatherv).
     *
     * @param send this rank's block
     * @param recv at the root, the receive buffer; ignored elsewhere (may be null)
     * @param counts at the root, each rank's count; ignored elsewhere
     * @param displs at the root, where each block goes; ignored elsewhere
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> gathervAsync(boolean[] send, boolean[] recv, int[] counts, int[] displs, int root) {
        return async(gatherWork(send, 0, length(send), recv, counts, displs, root, false), () -> recv);
    }

    /**
     * Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     */
    public void allgather(boolean[] send, boolean[] recv) {
        allgatherNow(send, length(send), recv);
    }

    /**
     * Starts the non-blocking form of: Gathers {@code send.length} elements from every rank to every rank, in rank order (MPI_Allgather).
     *
     * @param send this rank's block
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> allgatherAsync(boolean[] send, boolean[] recv) {
        return async(allgatherWork(send, 0, length(send), recv, null, null, true), () -> recv);
    }

    /**
     * Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     */
    public void allgather(boolean[] buf, int count) {
        allgatherNow(null, count, buf);
    }

    /**
     * Starts the non-blocking form of: Allgather in place (MPI_Allgather with MPI_IN_PLACE): this rank's block is already at {@code rank() * count}.
     *
     * @param buf {@code size()} blocks of {@code count} elements
     * @param count the elements per rank
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> allgatherAsync(boolean[] buf, int count) {
        return async(allgatherWork(null, 0, count, buf, null, null, true), () -> buf);
    }

    /**
     * Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     */
    public void allgatherv(boolean[] send, boolean[] recv, int[] counts, int[] displs) {
        allgatherWork(send, 0, length(send), recv, counts, displs, false).run();
    }

    /**
     * Starts the non-blocking form of: Gathers blocks of different sizes to every rank: rank {@code i}'s block lands at {@code displs[i]} (MPI_Allgatherv).
     *
     * @param send this rank's block
     * @param recv the receive buffer
     * @param counts every rank's count
     * @param displs where each block goes
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> allgathervAsync(boolean[] send, boolean[] recv, int[] counts, int[] displs) {
        return async(allgatherWork(send, 0, length(send), recv, counts, displs, false), () -> recv);
    }

    /**
     * Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     */
    public void alltoall(boolean[] send, boolean[] recv) {
        alltoallNow(send, recv);
    }

    /**
     * Starts the non-blocking form of: Sends block {@code j} of {@code send} to rank {@code j}, and receives rank {@code i}'s block into block {@code i} of {@code recv} (MPI_Alltoall); blocks are {@code send.length / size()} elements.
     *
     * @param send {@code size()} blocks
     * @param recv room for {@code size()} blocks
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> alltoallAsync(boolean[] send, boolean[] recv) {
        return async(alltoallUniform(send, recv), () -> recv);
    }

    /**
     * Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     */
    public void alltoallv(boolean[] send, int[] sendCounts, int[] sendDispls, boolean[] recv, int[] recvCounts, int[] recvDispls) {
        alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false).run();
    }

    /**
     * Starts the non-blocking form of: Alltoall with blocks of different sizes (MPI_Alltoallv).
     *
     * @param send the data to send
     * @param sendCounts the count for each rank
     * @param sendDispls where each rank's block starts in {@code send}
     * @param recv the receive buffer
     * @param recvCounts the count from each rank
     * @param recvDispls where each rank's block goes in {@code recv}
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> alltoallvAsync(boolean[] send, int[] sendCounts, int[] sendDispls, boolean[] recv, int[] recvCounts, int[] recvDispls) {
        return async(alltoallWork(send, sendCounts, sendDispls, recv, recvCounts, recvDispls, false), () -> recv);
    }

    /**
     * Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(boolean[] send, boolean[] recv, Op op, int root) {
        reduceNow(op, send, recv, root);
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element at the root: {@code recv[i] = send0[i] ∘ … ∘ send(p-1)[i]} (MPI_Reduce).
     *
     * @param send this rank's data
     * @param recv at the root, room for {@code send.length} elements; ignored elsewhere (may be null)
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> reduceAsync(boolean[] send, boolean[] recv, Op op, int root) {
        return async(reduceWork(op, send, 0, recv, 0, length(send), root), () -> recv);
    }

    /**
     * Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     */
    public void reduce(boolean[] buf, Op op, int root) {
        reduceNow(op, buf, buf, root);
    }

    /**
     * Starts the non-blocking form of: Reduce in place (MPI_Reduce with MPI_IN_PLACE at the root): at the root {@code buf} is replaced by the result; elsewhere it is only read.
     *
     * @param buf this rank's data; the result at the root
     * @param op the operation
     * @param root the rank that receives
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> reduceAsync(boolean[] buf, Op op, int root) {
        return async(reduceWork(op, buf, 0, buf, 0, length(buf), root), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void allreduce(boolean[] send, boolean[] recv, Op op) {
        allreduceNow(op, send, 0, recv, 0, length(send));
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element, result on every rank (MPI_Allreduce).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> allreduceAsync(boolean[] send, boolean[] recv, Op op) {
        return async(allreduceWork(op, send, 0, recv, 0, length(send)), () -> recv);
    }

    /**
     * Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     */
    public void allreduce(boolean[] buf, Op op) {
        allreduceNow(op, buf, 0, buf, 0, length(buf));
    }

    /**
     * Starts the non-blocking form of: Allreduce in place (MPI_Allreduce with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the result
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> allreduceAsync(boolean[] buf, Op op) {
        return async(allreduceWork(op, buf, 0, buf, 0, length(buf)), () -> buf);
    }

    /**
     * Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     */
    public void reduceScatter(boolean[] send, boolean[] recv, int[] counts, Op op) {
        reduceScatterWork(op, send, recv, counts).run();
    }

    /**
     * Starts the non-blocking form of: Combines every rank's {@code send} element by element and scatters the result: rank {@code i} receives {@code counts[i]} elements, the blocks end to end (MPI_Reduce_scatter).
     *
     * @param send this rank's data, the sum of {@code counts} elements
     * @param recv room for {@code counts[rank()]} elements
     * @param counts every rank's share
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> reduceScatterAsync(boolean[] send, boolean[] recv, int[] counts, Op op) {
        return async(reduceScatterWork(op, send, recv, counts), () -> recv);
    }

    /**
     * Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void scan(boolean[] send, boolean[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction: on rank {@code r}, {@code recv[i] = send0[i] ∘ … ∘ sendr[i]} (MPI_Scan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> scanAsync(boolean[] send, boolean[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), false), () -> recv);
    }

    /**
     * Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     */
    public void scan(boolean[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), false).run();
    }

    /**
     * Starts the non-blocking form of: Inclusive prefix reduction in place (MPI_Scan with MPI_IN_PLACE).
     *
     * @param buf this rank's data, replaced by the prefix
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> scanAsync(boolean[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), false), () -> buf);
    }

    /**
     * Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     */
    public void exscan(boolean[] send, boolean[] recv, Op op) {
        scanWork(op, send, 0, recv, 0, length(send), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction: on rank {@code r > 0}, {@code recv[i] = send0[i] ∘ … ∘ send(r-1)[i]}; rank 0's {@code recv} is left unchanged (MPI_Exscan).
     *
     * @param send this rank's data
     * @param recv room for {@code send.length} elements
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code recv}
     */
    public CollectiveRequest<boolean[]> exscanAsync(boolean[] send, boolean[] recv, Op op) {
        return async(scanWork(op, send, 0, recv, 0, length(send), true), () -> recv);
    }

    /**
     * Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     */
    public void exscan(boolean[] buf, Op op) {
        scanWork(op, buf, 0, buf, 0, length(buf), true).run();
    }

    /**
     * Starts the non-blocking form of: Exclusive prefix reduction in place (MPI_Exscan with MPI_IN_PLACE); rank 0's {@code buf} is left unchanged.
     *
     * @param buf this rank's data, replaced by the prefix (except on rank 0)
     * @param op the operation
     * @return the request; {@link CollectiveRequest#get()} returns {@code buf}
     */
    public CollectiveRequest<boolean[]> exscanAsync(boolean[] buf, Op op) {
        return async(scanWork(op, buf, 0, buf, 0, length(buf), true), () -> buf);
    }
    // GENERATED-END
}
