package dev.ranks.workloads.tasks;

import dev.ranks.pipeline.Task;
import dev.ranks.workloads.fib.FastDoubling;
import dev.ranks.workloads.fib.FibInputs;
import java.util.List;
import java.util.Map;

/**
 * {@code fib(n)}: F(n) exactly, by the fib workload's fast doubling, the number alone (the books'
 * {@code fibo_task} is {@link FiboTask}, a pair naming the task id).
 * The result is an integer of any size (a {@link java.math.BigInteger} beyond {@code long}), which
 * JSON carries exactly.
 */
public final class FibTask implements Task {
    /** Creates the task. */
    public FibTask() {
    }

    @Override
    public String name() {
        return "fib";
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) {
        return FastDoubling.fib(n(args));
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        n(args);
    }

    private int n(List<Object> args) {
        return (int) Args.integer(name(), args, 0, FibInputs.MAX_N);
    }
}
