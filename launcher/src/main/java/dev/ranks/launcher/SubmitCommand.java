package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.CeleryMessage;
import dev.ranks.pipeline.redis.ResultTimeoutException;
import dev.ranks.pipeline.redis.Routes;
import dev.ranks.pipeline.redis.TaskQueue;
import dev.ranks.pipeline.redis.TaskState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code launcher submit}: sends a task to a Redis broker's queue, as Celery's
 * {@code apply_async}, and with {@code --wait} prints its result from the result backend. The
 * task may be any name a consuming worker knows: a Ranks task, or a Python task of a Celery worker.
 */
@Command(name = "submit", description = {
    "Sends a task message (Celery protocol 2) to a queue of a Redis broker and prints its task id; with --wait, waits"
        + " for the result and prints it as JSON (exit 1 when the task failed or was revoked, 124 when"
        + " --result-timeout ran out first).",
    "TASK is any name a worker on the queue knows: fib, sqrt, crawl_page, the books' tasks.hello_world, tasks.fibo_task"
        + " (the pair [n, message naming the task id]; fib is the bare number), tasks.crawl_task, tasks.square,"
        + " addTask.add, or a Celery worker's Python task. Each ARG is read as JSON when it is JSON (30, 2.5, \"x\", [1,2]) and as a string otherwise.",
    "See docs/celery.md."})
final class SubmitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task's name.")
    private String task;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG", description = "The task's positional arguments.")
    private List<String> args = new ArrayList<>();

    @Option(names = "--kwargs", paramLabel = "JSON", description = "The keyword arguments, a JSON object.")
    private String kwargs;

    @Option(names = {"-q", "--queue"}, paramLabel = "QUEUE",
            description = "The queue. Default: the task's own (fib to fibo_queue, sqrt to sqrt_queue, crawl_page to"
                    + " webcrawler_queue), else celery.")
    private String queue;

    @Mixin
    private BrokerOptions broker;

    @Option(names = "--countdown", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Runs the task no sooner than this from now (Celery's countdown, an ETA).")
    private Duration countdown;

    @Option(names = "--expires", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Revokes the task when it has not started within this from now.")
    private Duration expires;

    @Option(names = "--count", paramLabel = "K", defaultValue = "1", description = "Sends K such tasks. Default: 1.")
    private int count;

    @Option(names = "--wait", description = "Waits for the results and prints them, one JSON line per task.")
    private boolean await;

    @Option(names = "--result-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --wait: gives up after this long, printing PENDING for the tasks without a result"
                    + " (exit 124, as --timeout and timeout(1)). Default: wait as long as it takes.")
    private Duration timeout;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new RanksException(ErrorClass.USAGE, "--count " + count + " is invalid: expected at least 1");
        }
        if (timeout != null && !await) {
            throw new RanksException(ErrorClass.USAGE, "--result-timeout applies with --wait only");
        }
        List<Object> values = new ArrayList<>();
        for (String arg : args) {
            values.add(RunTaskCommand.parse(arg));
        }
        Map<String, Object> keywords = kwargs == null ? Map.of() : RunTaskCommand.readKwargs(kwargs);
        Call call = new Call(task, values, keywords);
        broker.url();
        // not checked here: whichever worker consumes the queue judges the arguments (a Celery worker's
        // tasks.sqrt_task is Python's, which may accept what Ranks' sqrt would not), as apply_async does
        String target = queue != null ? queue : Routes.queueFor(task, TaskRegistry.load());
        List<CeleryMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CeleryMessage message = CeleryMessage.of(call, target);
            if (countdown != null) {
                message = message.withEta(Instant.now().plus(countdown));
            }
            if (expires != null) {
                message = message.withExpires(Instant.now().plus(expires));
            }
            messages.add(message);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TaskQueue client = broker.connect(System.err)) {
            client.sendAll(messages);
            if (!await) {
                for (CeleryMessage message : messages) {
                    out.println(message.id());
                }
                out.flush();
                return 0;
            }
            for (CeleryMessage message : messages) {
                err.println("sent " + task + " " + Json.write(values) + " to " + target + " as " + message.id());
            }
            err.flush();
            Map<String, TaskState> states = new LinkedHashMap<>();
            ResultTimeoutException late = null;
            try (Progress progress = Progress.forTasks(spec, count)) {
                progress.message("results from " + target);
                client.awaitAll(messages.stream().map(CeleryMessage::id).toList(), s -> {
                    states.put(s.id(), s);
                    progress.stepTo(states.size());
                }, timeout);
            } catch (ResultTimeoutException e) {
                late = e;
            }
            int failures = 0;
            for (CeleryMessage message : messages) {
                TaskState state = states.get(message.id());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", message.id());
                line.put("status", state == null ? "PENDING" : state.status());
                if (state == null) {
                    line.put("error", "no result within --result-timeout " + timeout.toMillis() / 1000.0 + " s");
                } else if (TaskState.SUCCESS.equals(state.status())) {
                    line.put("result", state.result());
                } else {
                    line.put("error", state.error());
                    failures++;
                }
                out.println(Json.write(line));
            }
            out.flush();
            if (late != null) {
                // not bad input and not a failed task: it may still run, so the exit says "ran out of time"
                err.println(late.getMessage());
                err.flush();
                return ExitCodes.TIMEOUT;
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
