package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Python;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher map}: Python's {@code Pool(N).map(task, inputs)} on a pipeline engine. */
@Command(name = "map", description = {
    "Runs TASK once per input on an engine, as Python's Pool(N).map(task, inputs) does, and prints the results in"
        + " the inputs' order as Python prints the list: 'launcher map square 0..99 --engine processes --workers 4'"
        + " prints [0, 1, 4, ..., 9801].",
    "An INPUT A..B is the integers A to B, both included (Python's range(A, B + 1)); any other INPUT is read as"
        + " JSON when it is JSON and as a string otherwise. A failed call's stack trace goes to stderr; exit 1."
        + " Inputs the task refuses exit 2 before anything runs. See docs/pipeline.md."})
final class MapCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("(-?\\d{1,18})\\.\\.(-?\\d{1,18})");
    /** More calls than this in one map is a typing slip, not a batch. */
    private static final long MAX_INPUTS = 10_000_000;

    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task's name or alias, such as square.")
    private String task;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "The inputs: values or ranges A..B.")
    private List<String> inputs = new ArrayList<>();

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call() {
        engine.check("threads");
        engine.registry().task(task);
        List<Call> calls = new ArrayList<>();
        for (String input : inputs) {
            Matcher range = RANGE.matcher(input);
            if (range.matches()) {
                long from = Long.parseLong(range.group(1));
                long to = Long.parseLong(range.group(2));
                if (to < from || to - from >= MAX_INPUTS - calls.size()) {
                    throw new RanksException(ErrorClass.USAGE, "input " + input + " is invalid: expected A..B with A <= B"
                            + " and at most " + MAX_INPUTS + " inputs in all");
                }
                for (long x = from; x <= to; x++) {
                    calls.add(Call.of(task, x));
                }
            } else {
                calls.add(Call.of(task, RunTaskCommand.parse(input)));
            }
        }
        for (Call call : calls) {
            engine.registry().check(call);
        }
        Object[] results = new Object[calls.size()];
        PrintWriter err = spec.commandLine().getErr();
        boolean[] failed = {false};
        int code = EngineBatch.run(launcher, spec, engine, calls, (outcome, summary) -> {
            if (outcome == null) {
                return;
            }
            if (outcome.ok()) {
                results[outcome.index()] = outcome.result();
            } else if (!failed[0]) {
                failed[0] = true;
                err.println("task " + outcome.call().task() + " " + Python.repr(outcome.call().args()) + " failed on "
                        + outcome.worker() + ":\n" + outcome.error().stripTrailing());
                err.flush();
            }
        });
        if (code == 0) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Python.repr(java.util.Arrays.asList(results)));
            out.flush();
        }
        return code;
    }
}
