package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher run-task}: runs one named task, possibly many times, on a pipeline engine. */
@Command(name = "run-task", description = {
    "Runs a named pipeline task (fib, sqrt, crawl_page, the books' Celery tasks hello_world, fibo_task (the pair [n,"
        + " message naming the task id]; fib is the bare number), crawl_task, add, square, by name or Celery alias such as"
        + " tasks.fibo_task, or a task of your own from --class-path) on an engine and prints one JSON line per call: task, args, result or error (its first"
        + " line), worker, ms; then the engine's summary. A failed call's stack trace goes to stderr; exit 1.",
    "Each ARG is read as JSON when it is JSON (30, 2.5, true, [1,2]) and as a string otherwise. Arguments the task"
        + " refuses (run-task fib -5) exit 2 with its message before anything runs. See docs/pipeline.md."})
final class RunTaskCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task's name or alias.")
    private String task;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG", description = "The task's positional arguments.")
    private List<String> args = new ArrayList<>();

    @Option(names = "--kwargs", paramLabel = "JSON", description = "The keyword arguments, a JSON object.")
    private String kwargs;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1", description = "Submits the call K times. Default: 1.")
    private int repeat;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call() {
        engine.check("threads");
        engine.registry().task(task);
        if (repeat < 1) {
            throw new RanksException(ErrorClass.USAGE, "--repeat " + repeat + " is invalid: expected at least 1");
        }
        List<Object> values = new ArrayList<>();
        for (String arg : args) {
            values.add(parse(arg));
        }
        Map<String, Object> keywords = kwargs == null ? Map.of() : readKwargs(kwargs);
        Call call = new Call(task, values, keywords);
        // bad arguments are bad input (exit 2), not a failed task: refused here, before any worker runs them
        engine.registry().check(call);
        List<Call> calls = Collections.nCopies(repeat, call);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> traced = new HashSet<>();
        return EngineBatch.run(launcher, spec, engine, calls, (outcome, summary) -> {
            if (outcome != null) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("task", outcome.call().task());
                line.put("args", outcome.call().args());
                line.put(outcome.ok() ? "result" : "error", outcome.ok() ? outcome.result() : firstLine(outcome.error()));
                line.put("worker", outcome.worker());
                line.put("ms", outcome.millis());
                if (!outcome.ok()) {
                    // stdout stays one JSON line per call; the trace is for people, once per distinct trace
                    err.println("task " + outcome.call().task() + " " + Json.write(outcome.call().args()) + " failed on "
                            + outcome.worker() + (traced.add(outcome.error()) ? ":\n" + outcome.error().stripTrailing()
                            : ": the same error as above"));
                    err.flush();
                }
                out.println(Json.write(line));
            } else {
                out.println(summary.line());
            }
            out.flush();
        });
    }

    private static String firstLine(String error) {
        int end = error.indexOf('\n');
        return end < 0 ? error : error.substring(0, end);
    }

    static Object parse(String arg) {
        try {
            return Json.read(arg);
        } catch (RanksException e) {
            return arg;
        }
    }

    static Map<String, Object> readKwargs(String text) {
        try {
            return Json.readObject(text);
        } catch (RanksException e) {
            throw new RanksException(ErrorClass.USAGE, "--kwargs " + text + " is invalid: expected a JSON object such"
                    + " as {\"delay_ms\":0}");
        }
    }
}
