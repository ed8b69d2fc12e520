package dev.ranks.examples;

import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskProvider;
import java.util.List;
import java.util.Map;

/**
 * A task of your own, as Ranks runs it: {@code collatz_steps(n)}, how many steps the Collatz map
 * (n / 2 when n is even, 3n + 1 when it is odd) takes from a positive {@code n} to 1; 27 takes 111,
 * 1 takes none. Celery clients call it as {@code tasks.collatz_steps}.
 *
 * <p>The provider is a {@link java.util.ServiceLoader} service: the jar lists this class in
 * {@code META-INF/services/dev.ranks.pipeline.TaskProvider}, and every command that runs tasks
 * loads it with {@code --class-path}:
 *
 * <pre>
 * bin/launcher run-task collatz_steps 27 --class-path examples/target/ranks-examples.jar --engine processes
 * bin/launcher worker --class-path examples/target/ranks-examples.jar       # then, in Python:
 * app.send_task('tasks.collatz_steps', args=[27]).get()                     # 111
 * </pre>
 */
public final class CollatzTasks implements TaskProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public CollatzTasks() {
    }

    @Override
    public List<Task> tasks() {
        return List.of(new CollatzSteps());
    }

    /** @return the Celery name {@code tasks.collatz_steps}, as a {@code tasks.py} module would declare it */
    @Override
    public Map<String, String> aliases() {
        return Map.of("tasks.collatz_steps", "collatz_steps");
    }

    /** The task: pure, so it may run on many threads at once and run again after a worker dies. */
    private static final class CollatzSteps implements Task {
        @Override
        public String name() {
            return "collatz_steps";
        }

        @Override
        public Object run(List<Object> args, Map<String, Object> kwargs) {
            if (args.size() != 1 || !kwargs.isEmpty()) {
                throw new IllegalArgumentException("collatz_steps takes 1 argument, got " + args + " " + kwargs
                        + ": expected [n], a positive integer");
            }
            // JSON integers arrive as Long, or as BigInteger beyond the long range.
            if (!(args.get(0) instanceof Long n) || n < 1) {
                throw new IllegalArgumentException("collatz_steps argument " + args.get(0)
                        + " is invalid: expected a positive integer up to " + Long.MAX_VALUE);
            }
            long value = n;
            long steps = 0;
            while (value != 1) {
                if ((value & 1) == 0) {
                    value >>= 1;
                } else {
                    try {
                        value = Math.addExact(Math.multiplyExact(3, value), 1);
                    } catch (ArithmeticException e) {
                        throw new IllegalArgumentException("collatz_steps(" + n + ") leaves the long range after "
                                + steps + " steps: expected n whose path stays below 2^63", e);
                    }
                }
                steps++;
            }
            return steps;
        }
    }
}
