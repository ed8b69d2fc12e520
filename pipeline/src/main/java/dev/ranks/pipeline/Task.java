package dev.ranks.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A named pure function from JSON-compatible arguments to a JSON-compatible result: Celery's task
 * shape, so that a message carrying {@code [args, kwargs]} maps onto {@link #run} one to one.
 *
 * <p>Values are those {@link Json} reads and writes: {@code null}, {@link Boolean}, {@link Long},
 * {@link java.math.BigInteger}, {@link Double}, {@link String}, {@link List} and {@link Map} with
 * string keys. A task must be safe to run on several threads at once and to run again with the same
 * arguments (an engine re-runs a task whose worker died).
 */
public interface Task {
    /** @return the name calls use, such as {@code fib} */
    String name();

    /**
     * Runs the task.
     *
     * @param args the positional arguments
     * @param kwargs the keyword arguments
     * @return the result, a JSON-compatible value
     * @throws Exception when the task fails; engines record it, with its stack trace, in the
     *     call's {@link Outcome}
     */
    Object run(List<Object> args, Map<String, Object> kwargs) throws Exception;

    /**
     * Checks the arguments without running the task, so that a client can refuse a call that
     * cannot succeed before it sends it anywhere: {@code launcher run-task} then exits 2 with the
     * message, as for any bad input, instead of reporting a failed task. The
     * built-in tasks check everything their {@link #run} would refuse. A task that does not
     * override this accepts every call here; {@link #run} must check all the same, since a call
     * from a Celery client or the API arrives unchecked.
     *
     * @param args the positional arguments
     * @param kwargs the keyword arguments
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}), or an
     *     {@link IllegalArgumentException}, naming the bad argument and what was expected
     */
    default void check(List<Object> args, Map<String, Object> kwargs) {
    }
}
