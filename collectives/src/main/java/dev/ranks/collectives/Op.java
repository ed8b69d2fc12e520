package dev.ranks.collectives;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.spi.NativeOp;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A reduction operation (MPI_Op) for {@code reduce}, {@code allreduce}, {@code reduceScatter},
 * {@code scan} and {@code exscan}.
 *
 * <p>The built-in operations apply element by element to primitive arrays and to single objects:
 * <ul>
 * <li>{@link #SUM}, {@link #PROD}, {@link #MAX}, {@link #MIN}: numeric arrays ({@code byte short
 *     char int long float double}; {@code char} as an unsigned 16-bit number, sums wrap as Java
 *     arithmetic does); objects that are {@link Number}s ({@code Integer}, {@code Long},
 *     {@code Double}, {@code BigInteger}, {@code BigDecimal}…, widened to the wider of the two);
 *     {@code MAX} and {@code MIN} also take any {@link Comparable} object.
 * <li>{@link #LAND}, {@link #LOR}, {@link #LXOR}: {@code boolean[]} and integer arrays (non-zero
 *     is true, results are 0 or 1); {@code Boolean} objects.
 * <li>{@link #BAND}, {@link #BOR}, {@link #BXOR}: {@code boolean[]} and integer arrays;
 *     {@code Boolean}, {@code Integer}, {@code Long}, {@code Short}, {@code Byte} and
 *     {@code BigInteger} objects.
 * <li>{@link #MAXLOC}, {@link #MINLOC}: {@link Loc} objects; and {@code int[] long[] float[]
 *     double[]} read as (value, index) pairs, as MPI's {@code MPI_2INT} and
 *     {@code MPI_2DOUBLE_PRECISION}, so counts must be even. Ties keep the lower index.
 * </ul>
 * An operation given data it does not apply to fails with an error naming both.
 *
 * <p>User operations come from {@link #builder(String, boolean)}. They must be associative; if
 * they are declared not commutative, every algorithm that accepts them combines values in rank
 * order: the result of a reduction over ranks 0..p-1 is {@code v0 ∘ v1 ∘ … ∘ v(p-1)}.
 */
public final class Op {
    /** Sum (MPI_SUM). */
    public static final Op SUM = numeric("SUM", Integer::sum, Long::sum, Double::sum, Numbers::sum);
    /** Product (MPI_PROD). */
    public static final Op PROD = numeric("PROD", (a, b) -> a * b, (a, b) -> a * b, (a, b) -> a * b, Numbers::product);
    /** Maximum (MPI_MAX). */
    public static final Op MAX = numeric("MAX", Math::max, Math::max, Math::max, (a, b) -> Numbers.compare(a, b) >= 0 ? a : b);
    /** Minimum (MPI_MIN). */
    public static final Op MIN = numeric("MIN", Math::min, Math::min, Math::min, (a, b) -> Numbers.compare(a, b) <= 0 ? a : b);
    /** Logical and (MPI_LAND). */
    public static final Op LAND = logical("LAND", (a, b) -> a && b);
    /** Logical or (MPI_LOR). */
    public static final Op LOR = logical("LOR", (a, b) -> a || b);
    /** Logical exclusive or (MPI_LXOR). */
    public static final Op LXOR = logical("LXOR", (a, b) -> a ^ b);
    /** Bitwise and (MPI_BAND). */
    public static final Op BAND = bitwise("BAND", (a, b) -> a & b, (a, b) -> a & b, BigInteger::and, (a, b) -> a & b);
    /** Bitwise or (MPI_BOR). */
    public static final Op BOR = bitwise("BOR", (a, b) -> a | b, (a, b) -> a | b, BigInteger::or, (a, b) -> a | b);
    /** Bitwise exclusive or (MPI_BXOR). */
    public static final Op BXOR = bitwise("BXOR", (a, b) -> a ^ b, (a, b) -> a ^ b, BigInteger::xor, (a, b) -> a ^ b);
    /** The maximum value and the lowest index holding it (MPI_MAXLOC). */
    public static final Op MAXLOC = location("MAXLOC", 1);
    /** The minimum value and the lowest index holding it (MPI_MINLOC). */
    public static final Op MINLOC = location("MINLOC", -1);

    private static final List<Op> BUILT_IN = List.of(SUM, PROD, MAX, MIN, LAND, LOR, LXOR, BAND, BOR, BXOR, MAXLOC, MINLOC);

    private final String name;
    private final boolean commutative;
    private final IntBinaryOperator ints;
    private final LongBinaryOperator longs;
    private final DoubleBinaryOperator doubles;
    private final BinaryOperator<Object> objects;
    private final Logical logical;
    private final int location;
    private final NativeOp nativeOp;

    private Op(Builder b) {
        this.name = b.name;
        this.commutative = b.commutative;
        this.ints = b.ints;
        this.longs = b.longs;
        this.doubles = b.doubles;
        this.objects = b.objects;
        this.logical = b.logical;
        this.location = b.location;
        this.nativeOp = b.nativeOp;
    }

    /** @return the operation's name, such as {@code SUM} */
    public String name() {
        return name;
    }

    /** @return whether the operation is commutative; algorithms that reorder operands need it */
    public boolean commutative() {
        return commutative;
    }

    /**
     * A built-in operation by name, ignoring case (for command lines).
     *
     * @param name such as {@code sum} or {@code MAXLOC}
     * @return the operation
     * @throws RanksException with {@link ErrorClass#USAGE} naming the value and the choices
     */
    public static Op named(String name) {
        for (Op op : BUILT_IN) {
            if (op.name.equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new RanksException(ErrorClass.USAGE, "unknown op '" + name + "': expected one of " + builtIns());
    }

    /** @return the built-in operations, in MPI's order */
    public static List<Op> builtIns() {
        return BUILT_IN;
    }

    /**
     * Combines two objects as a reduction would: {@code a ∘ b}, with {@code a} from the lower rank.
     *
     * @param a the left operand
     * @param b the right operand
     * @param <T> the operands' type
     * @return the result
     * @throws RanksException with {@link ErrorClass#ARG} when the operation does not apply to them
     */
    @SuppressWarnings("unchecked")
    public <T> T apply(T a, T b) {
        if (objects == null) {
            throw unsupported("objects");
        }
        return (T) objects.apply(a, b);
    }

    /**
     * Starts a user operation (MPI_Op_create). Give it a function for each kind of data it should
     * apply to; the others are refused with a clear error.
     *
     * @param name a name for error messages
     * @param commutative whether {@code a ∘ b == b ∘ a}; if false, values are combined in rank order
     * @return the builder
     */
    public static Builder builder(String name, boolean commutative) {
        return new Builder(name, commutative);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a user operation; every function must be associative. */
    public static final class Builder {
        private final String name;
        private final boolean commutative;
        private IntBinaryOperator ints;
        private LongBinaryOperator longs;
        private DoubleBinaryOperator doubles;
        private BinaryOperator<Object> objects;
        private Logical logical;
        private int location;
        private NativeOp nativeOp;

        private Builder(String name, boolean commutative) {
            if (name == null || name.isBlank()) {
                throw new RanksException(ErrorClass.ARG, "op name is empty: expected a name for error messages");
            }
            this.name = name;
            this.commutative = commutative;
        }

        /**
         * @param f the function for {@code int[]}, and for {@code byte[] short[] char[]} (the result narrowed)
         * @return this builder
         */
        public Builder ints(IntBinaryOperator f) {
            this.ints = f;
            return this;
        }

        /**
         * @param f the function for {@code long[]}
         * @return this builder
         */
        public Builder longs(LongBinaryOperator f) {
            this.longs = f;
            return this;
        }

        /**
         * @param f the function for {@code double[]} and {@code float[]}
         * @return this builder
         */
        public Builder doubles(DoubleBinaryOperator f) {
            this.doubles = f;
            return this;
        }

        /**
         * @param f the function for objects; it receives the lower rank's value first
         * @param <T> the objects' type
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public <T> Builder objects(BinaryOperator<T> f) {
            this.objects = (BinaryOperator<Object>) f;
            return this;
        }

        /** @return the operation */
        public Op build() {
            if (ints == null && longs == null && doubles == null && objects == null) {
                throw new RanksException(ErrorClass.ARG, "op " + name + " has no function: expected at least one of "
                        + "ints, longs, doubles, objects");
            }
            return new Op(this);
        }
    }

    // ---------------------------------------------------------------- built-ins

    @FunctionalInterface
    interface Logical {
        boolean apply(boolean a, boolean b);
    }

    private static Op numeric(String name, IntBinaryOperator i, LongBinaryOperator l, DoubleBinaryOperator d,
                              BinaryOperator<Object> o) {
        Builder b = new Builder(name, true).ints(i).longs(l).doubles(d).objects(o);
        b.nativeOp = NativeOp.valueOf(name);
        return b.build();
    }

    private static Op logical(String name, Logical f) {
        Builder b = new Builder(name, true);
        b.nativeOp = NativeOp.valueOf(name);
        b.logical = f;
        b.ints = (x, y) -> f.apply(x != 0, y != 0) ? 1 : 0;
        b.longs = (x, y) -> f.apply(x != 0, y != 0) ? 1 : 0;
        b.objects = (x, y) -> {
            if (x instanceof Boolean p && y instanceof Boolean q) {
                return f.apply(p, q);
            }
            throw new RanksException(ErrorClass.ARG, "op " + name + " does not apply to " + Numbers.typeOf(x)
                    + " and " + Numbers.typeOf(y) + ": expected Boolean values");
        };
        return new Op(b);
    }

    private static Op bitwise(String name, IntBinaryOperator i, LongBinaryOperator l,
                              BinaryOperator<BigInteger> big, Logical bools) {
        Builder b = new Builder(name, true).ints(i).longs(l);
        b.nativeOp = NativeOp.valueOf(name);
        b.logical = bools;
        b.objects = (x, y) -> Numbers.bitwise(name, x, y, i, l, big, bools);
        return new Op(b);
    }

    private static Op location(String name, int sign) {
        Builder b = new Builder(name, true);
        b.location = sign;
        b.objects = (x, y) -> Numbers.location(name, sign, x, y);
        return new Op(b);
    }

    // ---------------------------------------------------------------- kernels for the algorithms

    /**
     * @return whether the operation reads this buffer as (value, index) pairs, so that algorithms
     *     must cut it only at even offsets (MAXLOC and MINLOC on primitive arrays; a {@link Loc}
     *     object is one element)
     */
    boolean pairs(Buf buf) {
        return location != 0 && buf.type != ElementType.OBJECT;
    }

    /**
     * @return the device reduction this operation is, for collectives the device runs itself; null
     *     for MAXLOC and MINLOC (Ranks reads their arrays as (value, index) pairs of one type, which
     *     most of MPI's pair types are not) and for users' operations, whatever their name
     */
    NativeOp nativeOp() {
        return nativeOp;
    }

    /**
     * Checks, before any message moves, that this operation applies to the data.
     *
     * @param buf the data
     * @param count the element count each rank contributes
     * @param rank the calling rank, for the error
     */
    void check(Buf buf, int count, int rank) {
        boolean ok = switch (buf.type) {
            case OBJECT -> objects != null;
            case BOOLEAN -> logical != null;
            case DOUBLE, FLOAT -> doubles != null || location != 0;
            case LONG -> longs != null || location != 0;
            case INT -> ints != null || location != 0;
            case BYTE, SHORT, CHAR -> ints != null;
        };
        if (!ok) {
            throw new RanksException(ErrorClass.ARG, rank, "op " + name + " does not apply to " + buf.describe()
                    + ": expected " + applies(), null);
        }
        if (location != 0 && buf.type != ElementType.OBJECT && count % 2 != 0) {
            throw new RanksException(ErrorClass.COUNT, rank, "op " + name + " reads " + buf.describe()
                    + " as (value, index) pairs, but the count is " + count + ": expected an even count", null);
        }
    }

    private String applies() {
        StringBuilder s = new StringBuilder();
        if (ints != null) {
            s.append("int[] short[] byte[] char[] ");
        }
        if (longs != null) {
            s.append("long[] ");
        }
        if (doubles != null) {
            s.append("double[] float[] ");
        }
        if (location != 0) {
            s.append("int[] long[] float[] double[] as (value, index) pairs ");
        }
        if (logical != null) {
            s.append("boolean[] ");
        }
        if (objects != null) {
            s.append("objects");
        }
        return s.toString().strip();
    }

    private RanksException unsupported(String what) {
        return new RanksException(ErrorClass.ARG, "op " + name + " does not apply to " + what + ": expected " + applies());
    }

    /**
     * Combines element ranges: {@code inout[i] = in[i] ∘ inout[i]} when {@code inIsLeft} (the data
     * in {@code in} comes from lower ranks), else {@code inout[i] = inout[i] ∘ in[i]}.
     */
    void apply(Buf in, int inOff, Buf inout, int ioOff, int count, boolean inIsLeft) {
        if (count == 0) {
            return;
        }
        if (location != 0 && in.type != ElementType.OBJECT) {
            Kernels.location(location, in, inOff, inout, ioOff, count, inIsLeft);
            return;
        }
        switch (in.type) {
            case DOUBLE -> Kernels.doubles(this, doubles, (double[]) in.array, inOff, (double[]) inout.array, ioOff,
                    count, inIsLeft);
            case FLOAT -> Kernels.floats(doubles, (float[]) in.array, inOff, (float[]) inout.array, ioOff, count, inIsLeft);
            case LONG -> Kernels.longs(this, longs, (long[]) in.array, inOff, (long[]) inout.array, ioOff, count, inIsLeft);
            case INT -> Kernels.ints(this, ints, (int[]) in.array, inOff, (int[]) inout.array, ioOff, count, inIsLeft);
            case SHORT -> Kernels.shorts(ints, (short[]) in.array, inOff, (short[]) inout.array, ioOff, count, inIsLeft);
            case BYTE -> Kernels.bytes(ints, (byte[]) in.array, inOff, (byte[]) inout.array, ioOff, count, inIsLeft);
            case CHAR -> Kernels.chars(ints, (char[]) in.array, inOff, (char[]) inout.array, ioOff, count, inIsLeft);
            case BOOLEAN -> {
                boolean[] a = (boolean[]) in.array;
                boolean[] b = (boolean[]) inout.array;
                for (int i = 0; i < count; i++) {
                    b[ioOff + i] = inIsLeft ? logical.apply(a[inOff + i], b[ioOff + i]) : logical.apply(b[ioOff + i], a[inOff + i]);
                }
            }
            case OBJECT -> {
                Object[] a = (Object[]) in.array;
                Object[] b = (Object[]) inout.array;
                for (int i = 0; i < count; i++) {
                    b[ioOff + i] = inIsLeft ? objects.apply(a[inOff + i], b[ioOff + i]) : objects.apply(b[ioOff + i], a[inOff + i]);
                }
            }
        }
    }

    /** @return a marker for the fast loops in {@link Kernels}: which built-in this is, if any */
    int code() {
        if (this == SUM) {
            return 1;
        }
        if (this == MAX) {
            return 2;
        }
        if (this == MIN) {
            return 3;
        }
        return 0;
    }
}
