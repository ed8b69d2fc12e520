package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Json;
import java.util.List;

/** Reads the positional arguments of the built-in tasks, with messages naming the bad one. */
final class Args {
    private Args() {
    }

    static Object only(String task, List<Object> args, String expected) {
        if (args.size() != 1) {
            throw new RanksException(ErrorClass.ARG, task + " takes 1 argument, got " + args.size() + " " + args
                    + ": expected [" + expected + "]");
        }
        return args.get(0);
    }

    static long integer(String task, List<Object> args, long min, long max) {
        Object n = only(task, args, "an integer from " + min + " to " + max);
        if (!(n instanceof Long value) || value < min || value > max) {
            throw new RanksException(ErrorClass.ARG, task + " argument " + shown(n) + " is invalid: expected an integer"
                    + " from " + min + " to " + max);
        }
        return value;
    }

    /** @return the value as JSON, so that a string shows its quotes: {@code "abc"} was read as text, not a number */
    static String shown(Object value) {
        return Json.write(value);
    }
}
