package dev.ranks.launcher;

import dev.ranks.pipeline.redis.TaskQueue;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code launcher revoke}: revokes tasks by id, as Celery's {@code revoke}: Ranks workers skip them and store REVOKED. */
@Command(name = "revoke", description = {
    "Revokes tasks by id: Ranks workers that have not started them skip them and store the state REVOKED (within about"
        + " a second; revokes are kept for a day). A task already running finishes. Celery workers do not see Ranks"
        + " revokes: use Celery's own revoke for them.",
    "Says what the broker knew of each id: waiting in a queue, in flight, already finished, or unknown (a mistyped id,"
        + " an expired result, or a task not sent yet: revoked all the same, in case it arrives later)."})
final class RevokeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "The task ids, as 'launcher submit' printed them.")
    private List<String> ids;

    @Mixin
    private BrokerOptions broker;

    @Override
    public Integer call() {
        List<TaskQueue.Revoked> revoked;
        try (TaskQueue client = broker.connect(System.err)) {
            revoked = client.revoke(new LinkedHashSet<>(ids));
        }
        List<TaskQueue.Revoked> pending = revoked.stream().filter(r -> !r.finished() && !r.unknown()).toList();
        List<TaskQueue.Revoked> finished = revoked.stream().filter(TaskQueue.Revoked::finished).toList();
        List<TaskQueue.Revoked> unknown = revoked.stream().filter(TaskQueue.Revoked::unknown).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println("revoked " + pending.size() + " task(s)" + (pending.isEmpty() ? "" : ":"));
        pending.forEach(r -> out.println("  " + r.id() + ": " + where(r)));
        if (!finished.isEmpty()) {
            out.println(finished.size() + " already finished (revoking changes nothing):");
            finished.forEach(r -> out.println("  " + r.id() + ": " + r.status()));
        }
        if (!unknown.isEmpty()) {
            out.println(unknown.size() + " unknown id(s): no queue, worker or result on " + broker.url() + " holds them;"
                    + " revoked all the same, in case they arrive later (for a day):");
            unknown.forEach(r -> out.println("  " + r.id()));
        }
        out.flush();
        return 0;
    }

    private static String where(TaskQueue.Revoked r) {
        if (r.where() == null) {
            return "state " + r.status() + " (it will be retried: the retry is skipped)";
        }
        if (r.where().equals("unacked")) {
            return "in flight (delivered to a worker, not yet acknowledged): skipped unless it has started";
        }
        if (r.where().startsWith("ranks.dead.")) {
            return "a dead letter on " + r.where() + ": it will not run anyway";
        }
        int priority = r.where().indexOf('\u0006');
        return "waiting in " + (priority < 0 ? r.where() : r.where().substring(0, priority));
    }
}
