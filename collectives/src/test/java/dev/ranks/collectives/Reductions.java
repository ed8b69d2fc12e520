package dev.ranks.collectives;

import static dev.ranks.collectives.testkit.IntracommJobs.forced;
import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.Jobs;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.IntFunction;
import java.util.function.LongBinaryOperator;

/**
 * What the reduction tests share: jobs with one algorithm forced, deterministic inputs that every
 * rank can rebuild for every other rank, reference results combined locally in rank order, and
 * calls of {@link Intracomm}'s typed overloads by element type.
 */
final class Reductions {
    /** The counts every algorithm runs at: none, one, fewer than most sizes, more than any. */
    static final int[] COUNTS = {0, 1, 7, 1025};

    /** Associative, not commutative: the lowest rank's value wins. */
    static final Op FIRST = Op.builder("first", false).ints((a, b) -> a).longs((a, b) -> a).doubles((a, b) -> a)
            .objects((a, b) -> a).build();

    /** Associative, not commutative: the highest rank's value wins. */
    static final Op LAST = Op.builder("last", false).ints((a, b) -> b).longs((a, b) -> b).doubles((a, b) -> b)
            .objects((a, b) -> b).build();

    /** The product of 2×2 matrices: associative, not commutative. */
    static final Op MATMUL = Op.builder("matmul", false).<Mat2>objects(Mat2::times).build();

    private Reductions() {
    }

    /** A 2×2 matrix of longs, row by row. */
    record Mat2(long a, long b, long c, long d) {
        Mat2 times(Mat2 o) {
            return new Mat2(a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d);
        }

        /** @return rank {@code r}'s matrix; no two ranks' matrices commute */
        static Mat2 of(int rank) {
            return new Mat2(1, rank + 1, rank % 3, 1);
        }

        /** @return {@code M(from) · … · M(to - 1)}, the identity when empty */
        static Mat2 product(int from, int to) {
            Mat2 m = new Mat2(1, 0, 0, 1);
            for (int r = from; r < to; r++) {
                m = m.times(of(r));
            }
            return m;
        }
    }

    // ---------------------------------------------------------------- jobs


    /** Runs a job with {@code a} forced and fails the test unless every rank completes. */
    static void run(int size, Algorithm a, IntracommMain main) {
        IntracommJobs.run(size, forced(a), main);
    }

    /** Whether {@code a} may run for this size and op, by its declared requirements. */
    static boolean accepts(Algorithm a, int size, Op op) {
        return !(a.requirements().contains(Requirement.COMMUTATIVE) && !op.commutative())
                && !(a.requirements().contains(Requirement.POWER_OF_TWO) && Integer.bitCount(size) != 1);
    }

    /**
     * Runs a job with {@code a} forced whose ranks call a collective that {@code a} cannot run, and
     * asserts that the job fails with an ARG error naming the algorithm and the unmet requirement.
     */
    static void assertRefused(int size, Algorithm a, Op op, IntracommMain main) {
        Settings settings = Settings.defaults().withCollectives(forced(a));
        JobResult result = Jobs.result(size, settings, comm -> main.run((Intracomm) comm), Intracomm.binder(),
                Jobs.TIMEOUT);
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), () -> a + " at size " + size + " with op " + op
                + " should have been refused: " + result.describe());
        RanksException e = assertInstanceOf(RanksException.class, result.cause(), result::describe);
        assertEquals(ErrorClass.ARG, e.errorClass(), e::getMessage);
        String message = e.getMessage();
        assertTrue(message.contains(a.label() + " was forced"), message);
        if (!op.commutative() && a.requirements().contains(Requirement.COMMUTATIVE)) {
            assertTrue(message.contains("commutative") && message.contains(op.name()), message);
        } else {
            assertTrue(message.contains("power-of-two") && message.contains(String.valueOf(size)), message);
        }
    }

    // ---------------------------------------------------------------- typed calls

    /** Calls the public {@link Intracomm} method {@code name} whose parameter types are the arguments' own. */
    static Object call(Intracomm comm, String name, Object... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Integer ? int.class : args[i] instanceof Op ? Op.class : args[i].getClass();
        }
        try {
            return Intracomm.class.getMethod(name, types).invoke(comm, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no method " + name + Arrays.toString(types), e);
        }
    }

    // ---------------------------------------------------------------- data

    /** The element types, with conversions to and from longs (booleans as 0/1, chars unsigned). */
    enum Kind {
        BYTE(byte[]::new), SHORT(short[]::new), CHAR(char[]::new), INT(int[]::new), LONG(long[]::new),
        FLOAT(float[]::new), DOUBLE(double[]::new), BOOLEAN(boolean[]::new);

        private final IntFunction<Object> maker;

        Kind(IntFunction<Object> maker) {
            this.maker = maker;
        }

        /** @return the values narrowed to this type, as Java's casts do */
        Object array(long[] v) {
            Object a = maker.apply(v.length);
            for (int i = 0; i < v.length; i++) {
                switch (this) {
                    case BYTE -> ((byte[]) a)[i] = (byte) v[i];
                    case SHORT -> ((short[]) a)[i] = (short) v[i];
                    case CHAR -> ((char[]) a)[i] = (char) v[i];
                    case INT -> ((int[]) a)[i] = (int) v[i];
                    case LONG -> ((long[]) a)[i] = v[i];
                    case FLOAT -> ((float[]) a)[i] = v[i];
                    case DOUBLE -> ((double[]) a)[i] = v[i];
                    case BOOLEAN -> ((boolean[]) a)[i] = v[i] != 0;
                }
            }
            return a;
        }

        /** @return the elements as longs; floating-point values must be whole numbers */
        long[] values(Object a) {
            long[] v = new long[Array.getLength(a)];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (this) {
                    case BYTE -> ((byte[]) a)[i];
                    case SHORT -> ((short[]) a)[i];
                    case CHAR -> ((char[]) a)[i];
                    case INT -> ((int[]) a)[i];
                    case LONG -> ((long[]) a)[i];
                    case FLOAT -> (long) ((float[]) a)[i];
                    case DOUBLE -> (long) ((double[]) a)[i];
                    case BOOLEAN -> ((boolean[]) a)[i] ? 1 : 0;
                };
            }
            return v;
        }

        /** @return {@code n} elements of 97 (true for booleans), to fill buffers a collective must leave alone */
        Object sentinel(int n) {
            long[] v = new long[n];
            Arrays.fill(v, this == BOOLEAN ? 1 : 97);
            return array(v);
        }
    }

    /** The inputs an operation is tested with. */
    enum Data {
        /** Small signed numbers: sums and products of whole floating-point numbers stay exact. */
        SIGNED,
        /** Small non-zero factors, for products. */
        FACTORS,
        /** Zero on rank r where bit r of the index is set, else a small non-zero number. */
        TRUTH,
        /** Wide bit patterns. */
        BITS,
        /** (value, index) pairs with many tied values; indexes not in rank order. */
        PAIRS
    }

    /** One operation on one element type. */
    record Case(Op op, Kind kind, Data data) {
        @Override
        public String toString() {
            return op + " on " + kind.name().toLowerCase(Locale.ROOT) + "[]";
        }
    }

    /** Every built-in operation on the array types it applies to. */
    static final List<Case> CASES = cases();

    private static List<Case> cases() {
        List<Case> list = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (k != Kind.BOOLEAN) {
                list.add(new Case(Op.SUM, k, Data.SIGNED));
            }
        }
        for (Kind k : List.of(Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE)) {
            list.add(new Case(Op.PROD, k, Data.FACTORS));
            list.add(new Case(Op.MAX, k, Data.SIGNED));
            list.add(new Case(Op.MIN, k, Data.SIGNED));
            list.add(new Case(Op.MAXLOC, k, Data.PAIRS));
            list.add(new Case(Op.MINLOC, k, Data.PAIRS));
        }
        for (Op op : List.of(Op.LAND, Op.LOR, Op.LXOR)) {
            list.add(new Case(op, Kind.BOOLEAN, Data.TRUTH));
            list.add(new Case(op, Kind.INT, Data.TRUTH));
            list.add(new Case(op, Kind.LONG, Data.TRUTH));
        }
        for (Op op : List.of(Op.BAND, Op.BOR, Op.BXOR)) {
            list.add(new Case(op, Kind.INT, Data.BITS));
            list.add(new Case(op, Kind.LONG, Data.BITS));
            list.add(new Case(op, Kind.BOOLEAN, Data.TRUTH));
        }
        return List.copyOf(list);
    }

    /** @return a count of at least {@code n} that the case accepts: even for (value, index) pairs */
    static int count(Case c, int n) {
        return c.data == Data.PAIRS && n % 2 != 0 ? n + 1 : n;
    }

    /** @return rank {@code rank}'s input for the case */
    static Object input(Case c, int rank, int count) {
        return input(c, rank, 0, count);
    }

    /** @return elements {@code from..from+n-1} of rank {@code rank}'s input */
    private static Object input(Case c, int rank, int from, int n) {
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
            int i = from + k;
            v[k] = switch (c.data) {
                case SIGNED -> (rank * 7L + i * 13L + (long) rank * i) % 19 - 9;
                case FACTORS -> new long[] {1, 2, -1, 3, 1, -2}[(rank + 2 * i) % 6];
                case TRUTH -> ((i >> rank) & 1) == 1 ? 0 : i % 7 + 1;
                case BITS -> Long.rotateLeft(0x9E37_79B9_7F4A_7C15L * (rank + 1), i) ^ (i * 0x1_0001L);
                case PAIRS -> i % 2 == 0 ? (rank * 5L + i * 3L) % 4 : (rank * 7L) % 11;
            };
        }
        return c.kind.array(v);
    }

    /** @return the inputs of ranks {@code from..to-1} combined in rank order, computed here */
    static Object expected(Case c, int from, int to, int count) {
        return expected(c, from, to, 0, count);
    }

    /**
     * @return elements {@code offset..offset+n-1} of the inputs of ranks {@code from..to-1} combined
     *     in rank order; {@code offset} is even for (value, index) pairs
     */
    static Object expected(Case c, int from, int to, int offset, int n) {
        if (from >= to) {
            throw new IllegalArgumentException("no ranks");
        }
        long[] acc = c.kind.values(input(c, from, offset, n));
        for (int r = from + 1; r < to; r++) {
            long[] next = c.kind.values(input(c, r, offset, n));
            if (c.data == Data.PAIRS) {
                int sign = c.op == Op.MAXLOC ? 1 : -1;
                for (int i = 0; i < n; i += 2) {
                    int cmp = Long.compare(next[i], acc[i]) * sign;
                    if (cmp > 0 || (cmp == 0 && next[i + 1] < acc[i + 1])) {
                        acc[i] = next[i];
                        acc[i + 1] = next[i + 1];
                    }
                }
            } else {
                LongBinaryOperator f = reference(c.op);
                for (int i = 0; i < n; i++) {
                    acc[i] = f.applyAsLong(acc[i], next[i]);
                }
            }
        }
        return c.kind.array(acc);
    }

    private static LongBinaryOperator reference(Op op) {
        return switch (op.name()) {
            case "SUM" -> Long::sum;
            case "PROD" -> (a, b) -> a * b;
            case "MAX" -> Math::max;
            case "MIN" -> Math::min;
            case "LAND" -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
            case "LOR" -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
            case "LXOR" -> (a, b) -> (a != 0) != (b != 0) ? 1 : 0;
            case "BAND" -> (a, b) -> a & b;
            case "BOR" -> (a, b) -> a | b;
            case "BXOR" -> (a, b) -> a ^ b;
            case "first" -> (a, b) -> a;
            case "last" -> (a, b) -> b;
            default -> throw new IllegalArgumentException("no reference for " + op);
        };
    }

    /** @return {@code n} elements of {@code array} from {@code from}, in a new array */
    static Object slice(Object array, int from, int n) {
        Object part = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, from, part, 0, n);
        return part;
    }

    /** Asserts two arrays of one type hold the same elements, naming the first that differs. */
    static void assertArray(Object expected, Object actual, String what) {
        if (Objects.deepEquals(expected, actual)) {
            return;
        }
        int n = Array.getLength(expected);
        if (Array.getLength(actual) != n) {
            fail(what + ": expected " + n + " elements, got " + Array.getLength(actual));
        }
        for (int i = 0; i < n; i++) {
            if (!Objects.equals(Array.get(expected, i), Array.get(actual, i))) {
                fail(what + ": element " + i + " of " + n + " is " + Array.get(actual, i) + ", expected "
                        + Array.get(expected, i));
            }
        }
    }

    // ---------------------------------------------------------------- objects

    /** One object operation: rank {@code r}'s value and the reference over ranks {@code from..to-1}. */
    record ObjectCase(String name, Op op, IntFunction<Object> value, BinaryOperator<Object> reference) {
        Object expected(int from, int to) {
            Object acc = value.apply(from);
            for (int r = from + 1; r < to; r++) {
                acc = reference.apply(acc, value.apply(r));
            }
            return acc;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Object reductions: numbers, a widening sum, big integers, Loc ties, comparables, a non-commutative product. */
    static final List<ObjectCase> OBJECT_CASES = List.of(
            new ObjectCase("Integer SUM", Op.SUM, r -> r * 3 - 7, (a, b) -> (Integer) a + (Integer) b),
            new ObjectCase("Integer SUM widening to Long", Op.SUM, r -> Integer.MAX_VALUE - r,
                    (a, b) -> ((Number) a).longValue() + ((Number) b).longValue()),
            new ObjectCase("BigInteger PROD", Op.PROD, r -> BigInteger.valueOf(r + 2).shiftLeft(70),
                    (a, b) -> ((BigInteger) a).multiply((BigInteger) b)),
            new ObjectCase("Long BXOR", Op.BXOR, r -> 0x5555_0000_0000L * (r + 1), (a, b) -> (Long) a ^ (Long) b),
            new ObjectCase("String MAX", Op.MAX, r -> "rank" + (r * 7) % 5, (a, b) ->
                    ((String) a).compareTo((String) b) >= 0 ? a : b),
            new ObjectCase("Loc MAXLOC", Op.MAXLOC, r -> new Loc<>((r * 5) % 3, (r * 7) % 11),
                    (a, b) -> locBetter((Loc<?>) a, (Loc<?>) b, 1)),
            new ObjectCase("Loc MINLOC", Op.MINLOC, r -> new Loc<>((double) ((r * 5) % 3), (r * 7) % 11),
                    (a, b) -> locBetter((Loc<?>) a, (Loc<?>) b, -1)),
            new ObjectCase("Mat2 product", MATMUL, Mat2::of, (a, b) -> ((Mat2) a).times((Mat2) b)));

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object locBetter(Loc<?> a, Loc<?> b, int sign) {
        int cmp = ((Comparable) a.value()).compareTo(b.value()) * sign;
        return cmp > 0 || (cmp == 0 && a.index() < b.index()) ? a : b;
    }
}
