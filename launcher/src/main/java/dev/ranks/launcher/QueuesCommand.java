package dev.ranks.launcher;

import dev.ranks.pipeline.redis.TaskQueue;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code launcher queues}: what a Redis broker holds: queue depths, in-flight and dead-letter counts, live workers. */
@Command(name = "queues", description = {
    "Shows the queues of a Redis broker: messages waiting, delivered but not yet acknowledged (in flight), dead letters,"
        + " and the live Ranks workers (Celery workers keep no record in Redis and are not listed).",
    "--dead QUEUE prints that queue's dead letters (newest first) as JSON lines: reason, time, worker, id, task, message."})
final class QueuesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions broker;

    @Option(names = {"-Q", "--queues"}, paramLabel = "QUEUES", split = ",",
            description = "Only these queues. Default: every queue the broker shows signs of.")
    private List<String> queues = List.of();

    @Option(names = "--dead", paramLabel = "QUEUE", description = "Prints the dead letters of this queue instead.")
    private String dead;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "100", description = "With --dead: at most K. Default: 100.")
    private int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TaskQueue client = broker.connect(System.err)) {
            List<String> lines = dead != null ? client.deadLetters(dead, Math.max(1, limit))
                    : client.report(queues).lines();
            if (dead == null) {
                out.println("broker " + client.broker());
            }
            lines.forEach(out::println);
            out.flush();
        }
        return 0;
    }
}
