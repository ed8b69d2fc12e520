package dev.ranks.collectives;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The built-in operations on objects: numbers widened to the wider operand (Integer, then Long,
 * then BigInteger; any floating-point operand makes the result a Double, a BigDecimal operand a
 * BigDecimal), comparables, booleans and {@link Loc} pairs.
 */
final class Numbers {
    private Numbers() {
    }

    static Object sum(Object a, Object b) {
        return arithmetic("SUM", a, b, Math::addExact, Math::addExact, Double::sum, BigInteger::add, BigDecimal::add);
    }

    static Object product(Object a, Object b) {
        return arithmetic("PROD", a, b, Math::multiplyExact, Math::multiplyExact, (x, y) -> x * y,
                BigInteger::multiply, BigDecimal::multiply);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof Comparable c && b != null && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        throw new RanksException(ErrorClass.ARG, "op MAX/MIN cannot compare " + typeOf(a) + " with " + typeOf(b)
                + ": expected numbers or Comparable values of one class");
    }

    static Object bitwise(String name, Object a, Object b, IntBinaryOperator i, LongBinaryOperator l,
                          BinaryOperator<BigInteger> big, Op.Logical bools) {
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return bools.apply(x, y);
        }
        if (integral(a) && integral(b)) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return big.apply(bigInteger((Number) a), bigInteger((Number) b));
            }
            if (a instanceof Long || b instanceof Long) {
                return l.applyAsLong(((Number) a).longValue(), ((Number) b).longValue());
            }
            return i.applyAsInt(((Number) a).intValue(), ((Number) b).intValue());
        }
        throw new RanksException(ErrorClass.ARG, "op " + name + " does not apply to " + typeOf(a) + " and " + typeOf(b)
                + ": expected Boolean, Integer, Long, Short, Byte or BigInteger values");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object location(String name, int sign, Object a, Object b) {
        if (a instanceof Loc x && b instanceof Loc y) {
            int cmp = x.value().compareTo(y.value()) * sign;
            if (cmp > 0 || (cmp == 0 && x.index() <= y.index())) {
                return x;
            }
            return y;
        }
        throw new RanksException(ErrorClass.ARG, "op " + name + " does not apply to " + typeOf(a) + " and " + typeOf(b)
                + ": expected Loc(value, index) pairs");
    }

    static String typeOf(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    private static Object arithmetic(String name, Object a, Object b, IntBinaryOperator ints, LongBinaryOperator longs,
                                     java.util.function.DoubleBinaryOperator doubles, BinaryOperator<BigInteger> big,
                                     BinaryOperator<BigDecimal> dec) {
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            throw new RanksException(ErrorClass.ARG, "op " + name + " does not apply to " + typeOf(a) + " and " + typeOf(b)
                    + ": expected numbers");
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return dec.apply(decimal(x), decimal(y));
        }
        if (!integral(a) || !integral(b)) {
            return doubles.applyAsDouble(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return big.apply(bigInteger(x), bigInteger(y));
        }
        // Like Python's ints, an overflowing Integer or Long result widens instead of wrapping.
        if (a instanceof Long || b instanceof Long) {
            try {
                return longs.applyAsLong(x.longValue(), y.longValue());
            } catch (ArithmeticException overflow) {
                return big.apply(bigInteger(x), bigInteger(y));
            }
        }
        try {
            return ints.applyAsInt(x.intValue(), y.intValue());
        } catch (ArithmeticException overflow) {
            return longs.applyAsLong(x.longValue(), y.longValue());
        }
    }

    private static boolean integral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger;
    }

    private static BigInteger bigInteger(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (integral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return BigDecimal.valueOf(n.doubleValue());
    }
}
