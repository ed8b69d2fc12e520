package dev.ranks.workloads.tasks;

import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskContext;
import dev.ranks.workloads.fib.FastDoubling;
import dev.ranks.workloads.fib.FibInputs;
import java.util.List;
import java.util.Map;

/**
 * {@code fibo_task(n)}: Palach's {@code fibo_task}, which returns the pair
 * {@code [n, "The Fibonacci calculated with task id <task id> was <F(n)>"]}, the id being the call's
 * own ({@link TaskContext#currentId()}: the Celery message's id on a Redis worker), so that the
 * book's client printing {@code result.get()[1]} runs unchanged. F(n) is exact, by the fib
 * workload's fast doubling; {@code fib} is the same number alone.
 */
public final class FiboTask implements Task {
    /** Creates the task. */
    public FiboTask() {
    }

    @Override
    public String name() {
        return "fibo_task";
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) {
        long n = n(args);
        return List.of(n, "The Fibonacci calculated with task id " + TaskContext.currentId() + " was "
                + FastDoubling.fib((int) n));
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        n(args);
    }

    private long n(List<Object> args) {
        return Args.integer(name(), args, 0, FibInputs.MAX_N);
    }
}
