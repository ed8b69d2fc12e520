package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Task;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The books' one-line tasks: {@code add(x, y)}, the Cookbook's {@code addTask.add}, and
 * {@code square(x)}, the function of {@code Pool(4).map(square, range(100))}. Integers stay exact
 * integers of any size, as in Python; a float on either side gives a float.
 */
final class ArithmeticTasks {
    private ArithmeticTasks() {
    }

    /** {@code add(x, y)}: {@code x + y}. */
    static final class Add implements Task {
        @Override
        public String name() {
            return "add";
        }

        @Override
        public Object run(List<Object> args, Map<String, Object> kwargs) {
            check(args, kwargs);
            Object x = args.get(0);
            Object y = args.get(1);
            if (x instanceof Double || y instanceof Double) {
                return ((Number) x).doubleValue() + ((Number) y).doubleValue();
            }
            return big(x).add(big(y));
        }

        @Override
        public void check(List<Object> args, Map<String, Object> kwargs) {
            if (args.size() != 2) {
                throw new RanksException(ErrorClass.ARG, "add takes 2 arguments, got " + args.size() + " "
                        + Args.shown(args) + ": expected [x, y], two numbers");
            }
            for (Object v : args) {
                number("add", v);
            }
        }
    }

    /** {@code square(x)}: {@code x * x}. */
    static final class Square implements Task {
        @Override
        public String name() {
            return "square";
        }

        @Override
        public Object run(List<Object> args, Map<String, Object> kwargs) {
            Object x = Args.only(name(), args, "a number");
            number(name(), x);
            if (x instanceof Double d) {
                return d * d;
            }
            BigInteger b = big(x);
            return b.multiply(b);
        }

        @Override
        public void check(List<Object> args, Map<String, Object> kwargs) {
            number(name(), Args.only(name(), args, "a number"));
        }
    }

    private static void number(String task, Object v) {
        if (!(v instanceof Long || v instanceof BigInteger || v instanceof Double)) {
            throw new RanksException(ErrorClass.ARG, task + " argument " + Args.shown(v) + " is invalid: expected a"
                    + " number");
        }
    }

    private static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf((Long) v);
    }
}
