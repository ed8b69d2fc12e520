package dev.ranks.launcher;

import dev.ranks.pipeline.Call;
import dev.ranks.workloads.tasks.QueueBench;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code launcher bench queue}: tasks/s of one batch of fib calls through each pipeline engine. */
@Command(name = "queue", description = {
    "Runs --tasks calls of fib(--input) through each engine in --engines with each worker count in --workers, after a"
        + " warm-up batch, and prints wall time and tasks/s, and the ratio to the first row. fib(20) takes about a"
        + " microsecond, so this measures each engine's overhead per call. -n is not used. See docs/pipeline.md.",
    "Task-queue rows: redis (Ranks worker threads consuming a Redis queue) and celery (a real Celery worker, prefork"
        + " pool of N processes, running the Python tasks.fibo_task, which returns the books' pair [n, message] where fib returns the"
        + " number; needs python3-celery). Both go through one"
        + " redis-server, started for the run unless --broker is given; the same Java client sends and waits."})
final class BenchQueueCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "" + QueueBench.DEFAULT_TASKS,
            description = "Calls per measured batch. Default: ${DEFAULT-VALUE}.")
    private int tasks;

    @Option(names = "--input", paramLabel = "N", defaultValue = "20", description = "The fib input each task computes. Default: ${DEFAULT-VALUE}.")
    private int n;

    @Option(names = "--engines", paramLabel = "LIST", split = ",", defaultValue = "threads,processes,fifo,ranks",
            description = "The engines, comma-separated: threads, processes, fifo, ranks, redis, celery. Default:"
                    + " ${DEFAULT-VALUE}.")
    private List<String> engines = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "LIST", split = ",", defaultValue = "1,2,4",
            description = "The worker counts, comma-separated. Default: ${DEFAULT-VALUE}.")
    private List<Integer> workers = new ArrayList<>();

    @Option(names = {"-b", "--broker"}, paramLabel = "URL",
            description = "The Redis broker of the redis and celery rows. Default: a private redis-server started for"
                    + " the run.")
    private String broker;

    @Mixin
    private PlotOption plotOption;

    @Override
    public Integer call() {
        BenchPlot plot = plotOption.plot();
        List<QueueBench.Row> rows = QueueBench.run(engines, workers, tasks, Call.of("fib", n), broker);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# queue: %d calls of fib(%d) per batch, after a warm-up batch; %d processors%n",
                tasks, n, Runtime.getRuntime().availableProcessors());
        out.println("# x first = tasks/s over the first row's, measured in this run");
        QueueBench.Row celery = celeryReference(rows);
        if (celery != null) {
            out.printf(Locale.ROOT, "# x celery = tasks/s over the Celery worker's with %d prefork processes%n",
                    celery.workers());
        }
        out.printf(Locale.ROOT, "%-10s %8s %8s %10s %12s %8s%s%n", "engine", "workers", "tasks", "seconds", "tasks/s",
                "x first", celery == null ? "" : String.format(Locale.ROOT, " %9s", "x celery"));
        double first = rows.get(0).summary().tasksPerSecond();
        for (QueueBench.Row row : rows) {
            double rate = row.summary().tasksPerSecond();
            out.printf(Locale.ROOT, "%-10s %8d %8d %10.3f %12.1f %8.2f%s%n", row.engine(), row.workers(),
                    row.summary().tasks(), row.summary().wallMillis() / 1e3, rate, rate / first,
                    celery == null ? "" : String.format(Locale.ROOT, " %9.2f", rate / celery.summary().tasksPerSecond()));
        }
        out.flush();
        if (plot != null) {
            plot(plot, rows);
        }
        return 0;
    }

    /** Bars of tasks/s: a group per engine, a bar per worker count. */
    private void plot(BenchPlot plot, List<QueueBench.Row> rows) {
        List<String> engineNames = List.copyOf(new LinkedHashSet<>(rows.stream().map(QueueBench.Row::engine).toList()));
        List<BenchPlot.Bars> bars = new ArrayList<>();
        for (int count : new LinkedHashSet<>(rows.stream().map(QueueBench.Row::workers).toList())) {
            List<Double> rates = new ArrayList<>();
            for (String engine : engineNames) {
                rates.add(rows.stream().filter(row -> row.engine().equals(engine) && row.workers() == count)
                        .map(row -> row.summary().tasksPerSecond()).findFirst().orElse(null));
            }
            bars.add(new BenchPlot.Bars(count + (count == 1 ? " worker" : " workers"), rates));
        }
        plot.bars(String.format(Locale.ROOT, "%d calls of fib(%d), %d processors", tasks, n,
                Runtime.getRuntime().availableProcessors()), "engine", "tasks/s", engineNames, bars, false);
    }

    /** The reference: the Celery worker with a prefork pool of 2, else the first Celery row. */
    private static QueueBench.Row celeryReference(List<QueueBench.Row> rows) {
        QueueBench.Row found = null;
        for (QueueBench.Row row : rows) {
            if (row.engine().equals(QueueBench.CELERY) && (found == null || row.workers() == 2)) {
                found = row;
            }
        }
        return found;
    }
}
