package dev.ranks.mpi;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.Request;
import dev.ranks.comm.Status;
import dev.ranks.comm.TruncationException;
import dev.ranks.comm.TypeMismatchException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The device conformance suite: point-to-point semantics (every element type at the counts 0, 1,
 * odd, the inline edge and large; blocking and non-blocking; wildcards and statuses; order;
 * probes; cancel; synchronous sends; type and truncation errors; objects small, large and null)
 * and collectives on the world and on split and duplicated communicators, with every root and a
 * non-commutative operation. The same checks run on every device: as threads on the local device
 * ({@code ConformanceLocalTest}) and as MPI processes on Open MPI and MPICH
 * ({@code MpiConformanceTest}, through {@link ConformanceMain}). Each check is collective over the
 * world and throws an {@link AssertionError} naming itself and the rank.
 */
final class Conformance {
    /** Counts that cross every path: none, one, odd, the inline edge on both sides, large. */
    static final int[] COUNTS = {0, 1, 7, 512, 513, 100_003};
    private static final ElementType[] TYPES = {ElementType.BYTE, ElementType.SHORT, ElementType.INT, ElementType.LONG,
        ElementType.FLOAT, ElementType.DOUBLE, ElementType.CHAR, ElementType.BOOLEAN};

    private final Intracomm world;
    private final int rank;
    private final int size;
    private int checks;

    private Conformance(Intracomm world) {
        this.world = world;
        this.rank = world.rank();
        this.size = world.size();
    }

    /**
     * Runs every check on a world communicator.
     *
     * @param world the world
     * @return the number of checks run
     */
    static int run(Intracomm world) {
        Conformance c = new Conformance(world);
        c.check("ring of every type and count, blocking", c::ringBlocking);
        c.check("ring of every type and count, non-blocking", c::ringNonBlocking);
        c.check("any source and any tag, with statuses", c::wildcards);
        c.check("non-overtaking order per sender and tag", c::order);
        c.check("probe and iprobe report type and count", c::probes);
        c.check("cancel an unmatched receive", c::cancel);
        c.check("synchronous sends", c::synchronous);
        c.check("type mismatch and truncation", c::errors);
        c.check("objects small, large and null", c::objects);
        c.check("collectives on the world", c::collectives);
        c.check("split, dup and collectives on them", c::communicators);
        return c.checks;
    }

    private void check(String name, Consumer<Intracomm> body) {
        try {
            body.accept(world);
        } catch (AssertionError e) {
            throw new AssertionError("conformance check '" + name + "' failed in rank " + rank + " of " + size + ": "
                    + e.getMessage(), e);
        }
        world.barrier();
        checks++;
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** An array of a type whose element i encodes (seed, i) so that any misplaced element shows. */
    static Object pattern(ElementType type, int count, int seed) {
        Object a = Array.newInstance(type.arrayClass().getComponentType(), count);
        for (int i = 0; i < count; i++) {
            long v = (long) seed * 1_000_003L + i * 31L;
            switch (type) {
                case BYTE -> ((byte[]) a)[i] = (byte) v;
                case SHORT -> ((short[]) a)[i] = (short) v;
                case INT -> ((int[]) a)[i] = (int) v;
                case LONG -> ((long[]) a)[i] = v * 4_294_967_311L;
                case FLOAT -> ((float[]) a)[i] = (float) (v % 100_000) + 0.25f;
                case DOUBLE -> ((double[]) a)[i] = v + 0.125;
                case CHAR -> ((char[]) a)[i] = (char) v;
                case BOOLEAN -> ((boolean[]) a)[i] = (v & 3) == 1;
                default -> throw new IllegalArgumentException(type.toString());
            }
        }
        return a;
    }

    private static boolean equal(Object a, Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    private void ringBlocking(Intracomm comm) {
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        for (ElementType type : TYPES) {
            for (int count : COUNTS) {
                Object out = pattern(type, count, rank);
                Object in = Array.newInstance(type.arrayClass().getComponentType(), count + 3);
                Status s = sendrecv(comm, type, out, count, next, in, count + 3, prev, 11);
                expect(s.source() == prev && s.tag() == 11 && s.count() == count && s.type() == type,
                        type + "[" + count + "]: status " + s);
                Object want = pattern(type, count, prev);
                expect(equal(Arrays.copyOf((Object[]) boxed(in), count), (Object[]) boxed(want)),
                        type + "[" + count + "]: wrong contents from rank " + prev);
            }
        }
    }

    /** A blocking sendrecv through the typed overload of the element type: the devices' latency path. */
    private static Status sendrecv(Comm comm, ElementType type, Object out, int count, int dest, Object in, int capacity,
                                   int source, int tag) {
        return switch (type) {
            case BYTE -> comm.sendrecv((byte[]) out, 0, count, dest, tag, (byte[]) in, 0, capacity, source, tag);
            case SHORT -> comm.sendrecv((short[]) out, 0, count, dest, tag, (short[]) in, 0, capacity, source, tag);
            case INT -> comm.sendrecv((int[]) out, 0, count, dest, tag, (int[]) in, 0, capacity, source, tag);
            case LONG -> comm.sendrecv((long[]) out, 0, count, dest, tag, (long[]) in, 0, capacity, source, tag);
            case FLOAT -> comm.sendrecv((float[]) out, 0, count, dest, tag, (float[]) in, 0, capacity, source, tag);
            case DOUBLE -> comm.sendrecv((double[]) out, 0, count, dest, tag, (double[]) in, 0, capacity, source, tag);
            case CHAR -> comm.sendrecv((char[]) out, 0, count, dest, tag, (char[]) in, 0, capacity, source, tag);
            case BOOLEAN -> comm.sendrecv((boolean[]) out, 0, count, dest, tag, (boolean[]) in, 0, capacity, source, tag);
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static Object boxed(Object primitiveArray) {
        int n = Array.getLength(primitiveArray);
        Object[] b = new Object[n];
        for (int i = 0; i < n; i++) {
            b[i] = Array.get(primitiveArray, i);
        }
        return b;
    }

    private void ringNonBlocking(Intracomm comm) {
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        for (ElementType type : TYPES) {
            List<Request> requests = new ArrayList<>();
            List<Object> ins = new ArrayList<>();
            // Post every receive first, then the sends, in the reverse order of counts: the tags keep them apart.
            for (int i = 0; i < COUNTS.length; i++) {
                Object in = Array.newInstance(type.arrayClass().getComponentType(), COUNTS[i]);
                ins.add(in);
                requests.add(comm.irecvArray(in, 0, COUNTS[i], prev, 100 + i));
            }
            for (int i = COUNTS.length - 1; i >= 0; i--) {
                requests.add(comm.isendArray(pattern(type, COUNTS[i], rank + 7), 0, COUNTS[i], next, 100 + i));
            }
            Status[] statuses = Request.waitAll(requests);
            for (int i = 0; i < COUNTS.length; i++) {
                expect(statuses[i].count() == COUNTS[i] && statuses[i].source() == prev && statuses[i].tag() == 100 + i,
                        type + "[" + COUNTS[i] + "]: status " + statuses[i]);
                expect(equal(boxed(ins.get(i)), boxed(pattern(type, COUNTS[i], prev + 7))),
                        type + "[" + COUNTS[i] + "]: wrong contents");
            }
        }
    }

    private void wildcards(Intracomm comm) {
        if (rank == 0) {
            boolean[] seen = new boolean[size];
            for (int i = 1; i < size; i++) {
                long[] buf = new long[4];
                Status s = comm.recv(buf, Comm.ANY_SOURCE, Comm.ANY_TAG);
                expect(s.source() >= 1 && s.source() < size && !seen[s.source()], "source " + s.source());
                seen[s.source()] = true;
                expect(s.tag() == 40 + s.source() && s.count() == s.source() % 4 + 1 && buf[0] == s.source() * 3L,
                        "status " + s + " buf " + Arrays.toString(buf));
            }
        } else {
            long[] out = {rank * 3L, 1, 2, 3};
            comm.send(out, 0, rank % 4 + 1, 0, 40 + rank);
        }
    }

    private void order(Intracomm comm) {
        if (size < 2 || rank > 1) {
            return;
        }
        int n = 60;
        if (rank == 1) {
            for (int i = 0; i < n; i++) {
                int[] msg = {i};
                if (i % 10 == 0) {
                    comm.send(new int[2000], 0, 2000, 0, 2);
                }
                comm.send(msg, 0, i % 2 + 1);
            }
        } else {
            // Tag 2 first: the large messages and the odd i in order, then tag 1 in order, then ANY_TAG leftovers.
            int expectOdd = 1;
            int large = 0;
            int[] buf = new int[2000];
            for (int k = 0; k < n / 2 + n / 10; k++) {
                Status s = comm.recv(buf, 1, 2);
                if (s.count() == 2000) {
                    large++;
                    continue;
                }
                expect(buf[0] == expectOdd, "tag 2: expected " + expectOdd + " got " + buf[0]);
                expectOdd += 2;
            }
            expect(large == n / 10, "large messages " + large);
            for (int i = 0; i < n; i += 2) {
                Status s = comm.recv(buf, 1, Comm.ANY_TAG);
                expect(s.tag() == 1 && buf[0] == i, "any tag: expected " + i + " got " + buf[0] + " tag " + s.tag());
            }
        }
    }

    private void probes(Intracomm comm) {
        if (size < 2 || rank > 1) {
            return;
        }
        if (rank == 1) {
            comm.send(new double[] {1.5, 2.5, 3.5}, 0, 9);
            comm.send((int[]) pattern(ElementType.INT, 50_000, 4), 0, 8);
            comm.send("probe me", 0, 7);
            comm.send(new short[] {5}, 0, 6);
        } else {
            Status s = comm.probe(1, 8);
            expect(s.type() == ElementType.INT && s.count() == 50_000 && s.tag() == 8, "probe large " + s);
            Status d = comm.probe(Comm.ANY_SOURCE, 9);
            expect(d.type() == ElementType.DOUBLE && d.count() == 3 && d.source() == 1, "probe small " + d);
            // The large send waits for its receive (rendezvous): receive it before probing what follows it.
            int[] big = new int[50_000];
            comm.recv(big, 1, 8);
            expect(equal(boxed(big), boxed(pattern(ElementType.INT, 50_000, 4))), "large after probe");
            Status o = comm.probe(1, 7);
            expect(o.type() == ElementType.OBJECT && o.tag() == 7, "probe object " + o);
            double[] small = new double[3];
            comm.recv(small, 1, Comm.ANY_TAG);
            expect(small[2] == 3.5, "small after probe " + Arrays.toString(small));
            String text = comm.recv(1, 7);
            expect("probe me".equals(text), "object after probe " + text);
            Status sh = comm.probe(1, Comm.ANY_TAG);
            expect(sh.type() == ElementType.SHORT && sh.count() == 1, "probe short " + sh);
            short[] one = new short[1];
            comm.irecv(one, 1, 6).waitFor();
            expect(one[0] == 5, "short after probe");
            Optional<Status> none = comm.iprobe(1, 6);
            expect(none.isEmpty(), "iprobe found " + none);
        }
    }

    private void cancel(Intracomm comm) {
        int[] never = new int[4];
        Request r = comm.irecv(never, Comm.ANY_SOURCE, 99);
        expect(r.cancel(), "cancel of an unmatched receive returned false");
        Status s = r.waitFor();
        expect(s.cancelled(), "status not cancelled: " + s);
    }

    private void synchronous(Intracomm comm) {
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        if (size == 1) {
            return;
        }
        float[] in = new float[3];
        Request r = comm.irecv(in, prev, 5);
        comm.ssend(new float[] {rank, 1, 2}, next, 5);
        r.waitFor();
        expect(in[0] == prev, "ssend contents");
        long[] big = (long[]) pattern(ElementType.LONG, 30_000, rank);
        long[] bigIn = new long[30_000];
        Request rb = comm.irecv(bigIn, prev, 6);
        comm.ssend(big, next, 6);
        rb.waitFor();
        expect(equal(boxed(bigIn), boxed(pattern(ElementType.LONG, 30_000, prev))), "large ssend contents");
    }

    private void errors(Intracomm comm) {
        if (size < 2 || rank > 1) {
            return;
        }
        if (rank == 1) {
            comm.send(new double[2], 0, 3);
            comm.send(new int[10], 0, 3);
            comm.send(new int[40_000], 0, 3);
            comm.send(new byte[40_000], 0, 3);
            comm.send(new int[] {42}, 0, 3);
            comm.send("an object", 0, 3);
            comm.send(new int[] {43}, 0, 3);
        } else {
            int[] five = new int[5];
            TypeMismatchException t = assertThrows(TypeMismatchException.class, () -> comm.recv(five, 1, 3));
            expect(t.getMessage().contains("rank 1"), "mismatch message " + t.getMessage());
            assertThrows(TruncationException.class, () -> comm.recv(five, 1, 3));
            assertThrows(TruncationException.class, () -> comm.recv(new int[100], 1, 3));
            assertThrows(TypeMismatchException.class, () -> comm.irecv(new int[40_000], 1, 3).waitFor());
            Status s = comm.recv(five, 1, 3);
            expect(s.count() == 1 && five[0] == 42, "after errors " + s + " " + five[0]);
            assertThrows(TypeMismatchException.class, () -> comm.recv(five, 1, 3));
            comm.recv(five, 1, 3);
            expect(five[0] == 43, "after object mismatch " + five[0]);
        }
    }

    private static <T extends Throwable> T assertThrows(Class<T> type, Runnable body) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }

    private void objects(Intracomm comm) {
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        Map<String, Object> small = new HashMap<>();
        small.put("rank", rank);
        small.put("list", List.of(1, 2, 3));
        Map<String, Object> got = comm.sendrecv(small, next, 21, prev, 21);
        expect(got.get("rank").equals(prev) && got.get("list").equals(List.of(1, 2, 3)), "small object " + got);
        long[] payload = (long[]) pattern(ElementType.LONG, 200_000, rank);
        long[] back = comm.sendrecv(payload, next, 22, prev, 22);
        expect(Arrays.equals(back, (long[]) pattern(ElementType.LONG, 200_000, prev)), "large object");
        Object nothing = comm.sendrecv(null, next, 23, prev, 23);
        expect(nothing == null, "null object became " + nothing);
        var r = comm.<String>irecv(prev, 24);
        comm.send("from " + rank, next, 24);
        expect(("from " + prev).equals(r.get()), "irecv object");
    }

    private void collectives(Intracomm comm) {
        comm.barrier();
        for (int root = 0; root < size; root++) {
            for (int count : new int[] {0, 1, 7, 100_003}) {
                double[] b = rank == root ? (double[]) pattern(ElementType.DOUBLE, count, root) : new double[count];
                comm.bcast(b, root);
                expect(Arrays.equals(b, (double[]) pattern(ElementType.DOUBLE, count, root)), "bcast root " + root);
            }
            int[] r = {rank + 1, rank * 2, 1};
            int[] sum = new int[3];
            comm.reduce(r, sum, Op.SUM, root);
            if (rank == root) {
                expect(sum[0] == size * (size + 1) / 2 && sum[1] == size * (size - 1) && sum[2] == size,
                        "reduce root " + root + " " + Arrays.toString(sum));
            }
            int[] block = {rank, rank * 10};
            int[] all = new int[2 * size];
            comm.gather(block, all, root);
            if (rank == root) {
                for (int i = 0; i < size; i++) {
                    expect(all[2 * i] == i && all[2 * i + 1] == 10 * i, "gather root " + root);
                }
            }
            long[] parts = new long[3 * size];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = i;
            }
            long[] mine = new long[3];
            comm.scatter(rank == root ? parts : new long[0], mine, root);
            expect(mine[0] == 3L * rank && mine[2] == 3L * rank + 2, "scatter root " + root);
        }
        double[] x = {rank, 1.0, -rank};
        comm.allreduce(x, Op.SUM);
        expect(x[0] == size * (size - 1) / 2.0 && x[1] == size, "allreduce sum " + Arrays.toString(x));
        long[] m = {rank, -rank};
        comm.allreduce(m, Op.MAX);
        expect(m[0] == size - 1 && m[1] == 0, "allreduce max");
        double[] dm = {rank, -0.0};
        comm.allreduce(dm, Op.MAX);
        expect(dm[0] == size - 1, "allreduce double max");
        boolean[] flags = {true, rank == 0};
        comm.allreduce(flags, Op.LAND);
        expect(flags[0] && (size == 1) == flags[1], "allreduce land");
        long[] bits = {1L << rank};
        comm.allreduce(bits, Op.BXOR);
        expect(bits[0] == (1L << size) - 1, "allreduce bxor");
        int[] gathered = new int[size];
        comm.allgather(new int[] {rank * rank}, gathered);
        for (int i = 0; i < size; i++) {
            expect(gathered[i] == i * i, "allgather");
        }
        int[] to = new int[size];
        int[] from = new int[size];
        for (int i = 0; i < size; i++) {
            to[i] = rank * 100 + i;
        }
        comm.alltoall(to, from);
        for (int i = 0; i < size; i++) {
            expect(from[i] == i * 100 + rank, "alltoall");
        }
        // A non-commutative, associative operation: products of 2x2 matrices mod 2^16, packed in a long, in rank order.
        Op matmul = Op.builder("matmul", false).longs(Conformance::matmul).build();
        long[] v = {matrix(rank)};
        comm.allreduce(v, matmul);
        long want = matrix(0);
        for (int i = 1; i < size; i++) {
            want = matmul(want, matrix(i));
        }
        expect(v[0] == want, "non-commutative allreduce " + Long.toHexString(v[0]) + " expected " + Long.toHexString(want));
        long[] prefix = {matrix(rank)};
        comm.scan(prefix, matmul);
        long mine = matrix(0);
        for (int i = 1; i <= rank; i++) {
            mine = matmul(mine, matrix(i));
        }
        expect(prefix[0] == mine, "non-commutative scan");
        int[] sc = {rank + 1};
        comm.scan(sc, Op.SUM);
        expect(sc[0] == (rank + 1) * (rank + 2) / 2, "scan");
        String s = comm.allreduce("r" + rank, Op.builder("concat", false).objects((String a, String b) -> a + b).build());
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < size; i++) {
            w.append('r').append(i);
        }
        expect(w.toString().equals(s), "object allreduce " + s);
    }

    /** Rank r's matrix [[1, r + 1], [r, 1]], entries in 16 bits each. */
    private static long matrix(int r) {
        return pack(1, r + 1, r, 1);
    }

    private static long pack(long a, long b, long c, long d) {
        return (a & 0xFFFF) << 48 | (b & 0xFFFF) << 32 | (c & 0xFFFF) << 16 | (d & 0xFFFF);
    }

    private static long matmul(long x, long y) {
        long a = x >>> 48 & 0xFFFF;
        long b = x >>> 32 & 0xFFFF;
        long c = x >>> 16 & 0xFFFF;
        long d = x & 0xFFFF;
        long e = y >>> 48 & 0xFFFF;
        long f = y >>> 32 & 0xFFFF;
        long g = y >>> 16 & 0xFFFF;
        long h = y & 0xFFFF;
        return pack(a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h);
    }

    private void communicators(Intracomm comm) {
        Intracomm half = comm.split(rank % 2, -rank);
        int members = (size + 1 - rank % 2) / 2;
        expect(half.size() == members, "split size " + half.size());
        // Keys -rank reverse the order: the highest world rank of each color is rank 0.
        int[] worlds = new int[half.size()];
        half.allgather(new int[] {rank}, worlds);
        for (int i = 1; i < worlds.length; i++) {
            expect(worlds[i - 1] > worlds[i], "split order " + Arrays.toString(worlds));
        }
        int[] sum = {rank};
        half.allreduce(sum, Op.SUM);
        int want = 0;
        for (int r = rank % 2; r < size; r += 2) {
            want += r;
        }
        expect(sum[0] == want, "split allreduce");
        int next = (half.rank() + 1) % half.size();
        int prev = (half.rank() + half.size() - 1) % half.size();
        int[] got = new int[1];
        Status st = half.sendrecv(new int[] {rank}, 0, 1, next, 0, got, 0, 1, prev, 0);
        expect(got[0] == worlds[prev] && st.source() == prev, "split sendrecv " + got[0] + " " + st);
        Intracomm copy = comm.dup();
        // Messages on the duplicate and on the original never match each other.
        Request onCopy = copy.irecv(new int[1], Comm.ANY_SOURCE, Comm.ANY_TAG);
        comm.sendrecv(new int[] {1}, 0, 1, (rank + 1) % size, 1, new int[1], 0, 1, (rank + size - 1) % size, 1);
        expect(!onCopy.test(), "a message on the original matched a receive on the duplicate");
        comm.barrier();
        copy.send(new int[] {rank}, (rank + 1) % size, 2);
        Status cs = onCopy.waitFor();
        expect(cs.source() == (rank + size - 1) % size && cs.tag() == 2, "dup status " + cs);
        Intracomm none = comm.split(rank == 0 ? Intracomm.UNDEFINED : 0, rank);
        expect((none == null) == (rank == 0), "UNDEFINED color");
        if (none != null) {
            double[] d = {1};
            none.allreduce(d, Op.SUM);
            expect(d[0] == size - 1, "split without rank 0");
            Intracomm inner = none.split(none.rank() / 2, 0);
            int[] one = {1};
            inner.allreduce(one, Op.SUM);
            expect(one[0] == inner.size(), "nested split");
        }
        comm.barrier();
    }
}
