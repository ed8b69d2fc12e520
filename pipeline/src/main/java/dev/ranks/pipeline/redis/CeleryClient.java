package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Celery's own client, run as {@code /usr/bin/python3 celery_client.py} (shipped in this jar
 * beside {@code celery_tasks.py}): it sends tasks with {@code app.send_task} and prints each
 * result as a JSON line, so that tests and benchmarks can check what a real Celery program gets
 * back from Ranks workers. See {@link CeleryWorker} for the environment it runs in.
 */
public final class CeleryClient {
    private CeleryClient() {
    }

    /**
     * What one run of the client gave.
     *
     * @param exitCode 0 when every task succeeded, 1 when one failed or timed out, 2 for bad usage,
     *     -1 when the run was killed past its time limit
     * @param lines stdout: one JSON result per task in sending order, or the task ids with
     *     {@code --no-wait}
     * @param errors stderr: the error and the remote traceback of a failed task, and a timing
     *     summary ({@code sent N in X s, all results in Y s (Z tasks/s)})
     */
    public record Result(int exitCode, List<String> lines, String errors) {
        /**
         * Creates a result.
         *
         * @param exitCode the exit status, or -1 when killed past the time limit
         * @param lines stdout line by line
         * @param errors stderr
         */
        public Result {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Sends a task {@code count} times to a queue and waits for every result.
     *
     * @param broker the broker and result backend URL, as {@link RedisServer#url()} gives it
     * @param task the task name, such as {@code tasks.fibo_task}
     * @param queue the queue, such as {@code fibo_queue}
     * @param argsJson a JSON array of positional arguments, or one JSON value taken as the only one
     * @param count how many times to send it, at least 1
     * @param timeout how long to wait for each result; the whole run may take {@code count} times
     *     that plus a minute before it is killed
     * @return the client's exit code, result lines and stderr
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when Celery is not installed
     */
    public static Result call(String broker, String task, String queue, String argsJson, int count, Duration timeout) {
        return run(broker, timeout.multipliedBy(count).plusMinutes(1), task, queue, argsJson, "--count",
                Integer.toString(count), "--timeout", Double.toString(timeout.toMillis() / 1000.0));
    }

    /**
     * Runs {@code celery_client.py} with arguments of one's own, such as {@code --kwargs},
     * {@code --no-wait}, or {@code --delay} (send as the books do, {@code fibo_task.delay(30)},
     * routed by the app's {@code task_routes}, which must send it to QUEUE).
     *
     * @param broker the broker and result backend URL
     * @param limit how long the run may take before it is killed
     * @param args {@code TASK QUEUE ARGS_JSON [--kwargs JSON] [--count N] [--timeout S] [--no-wait]
     *     [--delay]}
     * @return the client's exit code, output lines and stderr
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when Celery is not installed
     */
    public static Result run(String broker, Duration limit, String... args) {
        String missing = CeleryWorker.unavailableReason();
        if (missing != null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, missing);
        }
        Path dir = CeleryWorker.scripts("ranks-celery-client");
        try {
            List<String> command = new ArrayList<>(List.of(CeleryWorker.CLIENT_SCRIPT));
            command.addAll(List.of(args));
            CeleryWorker.Child child = CeleryWorker.Child.run(
                    CeleryWorker.python(dir, broker, command.toArray(String[]::new)), limit);
            return new Result(child.exitCode(), child.out(), child.err());
        } finally {
            Trees.delete(dir);
        }
    }
}
