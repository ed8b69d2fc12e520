package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Task;
import java.util.List;
import java.util.Map;

/** {@code sqrt(x)}: the square root of a non-negative number, as a double; the books' {@code sqrt_task}. */
public final class SqrtTask implements Task {
    /** Creates the task. */
    public SqrtTask() {
    }

    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) {
        return Math.sqrt(x(args));
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        x(args);
    }

    private double x(List<Object> args) {
        Object x = Args.only(name(), args, "a non-negative number");
        if (!(x instanceof Number number) || number.doubleValue() < 0 || Double.isNaN(number.doubleValue())) {
            throw new RanksException(ErrorClass.ARG, "sqrt argument " + Args.shown(x) + " is invalid: expected a"
                    + " non-negative number");
        }
        return number.doubleValue();
    }
}
