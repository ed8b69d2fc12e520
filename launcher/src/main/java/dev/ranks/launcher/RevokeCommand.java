package dev.ranks.launcher;

import dev.ranks.pipeline.redis.TaskQueue;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code launcher revoke}: revokes tasks by id, as Celery's {@code revoke}: Ranks workers skip them and store REVOKED. */
@Command(name = "revoke", description = {
    "Revokes tasks by id: Ranks workers that have not started them skip them and store the state REVOKED (within about"
        + " a second; revokes are kept for a day). A task already running finishes. Celery workers do not see Ranks"
        + " revokes: use Celery's own revoke for them."})
final class RevokeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "The task ids, as 'launcher submit' printed them.")
    private List<String> ids;

    @Mixin
    private BrokerOptions broker;

    @Override
    public Integer call() {
        try (TaskQueue client = broker.connect(System.err)) {
            client.revoke(ids);
        }
        spec.commandLine().getOut().println("revoked " + ids.size() + " task(s)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
