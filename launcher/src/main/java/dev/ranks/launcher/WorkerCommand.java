package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.FifoWorker;
import dev.ranks.pipeline.TaskRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launcher worker}: serves pipeline tasks for clients started separately, until stopped.
 * Where the calls come from is an option: {@code --fifo DIR} today (a broker's queues later).
 */
@Command(name = "worker", description = {
    "Serves pipeline tasks (fib, sqrt, crawl_page) to clients started separately, until stopped (Ctrl-C, SIGTERM).",
    "--fifo DIR: serves the named pipes in DIR (made when missing) to 'launcher fib ... --engine fifo --fifo-dir DIR';"
        + " several workers may serve one directory. See docs/pipeline.md."})
final class WorkerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--fifo", paramLabel = "DIR", description = "Serves the named pipes in this directory.")
    private Path fifo;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
            description = "How many calls run at once. Default: the processor count.")
    private Integer concurrency;

    @Override
    public Integer call() {
        if (fifo == null) {
            throw new RanksException(ErrorClass.USAGE, "no source of calls is given: expected --fifo DIR");
        }
        int threads = concurrency != null ? concurrency : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new RanksException(ErrorClass.USAGE, "--concurrency " + threads + " is invalid: expected at least 1");
        }
        FifoWorker worker = FifoWorker.serve(fifo, TaskRegistry.load(), threads, System.err);
        Thread stop = new Thread(worker::close, "ranks-worker-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        spec.commandLine().getErr().println("worker " + worker.id() + " serves " + fifo.toAbsolutePath() + " with "
                + threads + " threads; stop with Ctrl-C");
        spec.commandLine().getErr().flush();
        worker.await();
        return 0;
    }
}
