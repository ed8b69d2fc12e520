package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Task;
import java.util.List;
import java.util.Map;

/** {@code hello_world()}: Palach's first Celery task; returns {@code "Hello I'm a celery task"}. */
public final class HelloWorldTask implements Task {
    /** What the book's task returns. */
    public static final String GREETING = "Hello I'm a celery task";

    /** Creates the task. */
    public HelloWorldTask() {
    }

    @Override
    public String name() {
        return "hello_world";
    }

    @Override
    public Object run(List<Object> args, Map<String, Object> kwargs) {
        check(args, kwargs);
        return GREETING;
    }

    @Override
    public void check(List<Object> args, Map<String, Object> kwargs) {
        if (!args.isEmpty() || !kwargs.isEmpty()) {
            throw new RanksException(ErrorClass.ARG, "hello_world takes no arguments, got " + args.size() + " "
                    + Args.shown(args) + (kwargs.isEmpty() ? "" : " and keywords " + Args.shown(kwargs))
                    + ": expected none");
        }
    }
}
