package dev.ranks.launcher;

import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.TaskQueue;
import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of the commands that talk to a Redis broker as clients ({@code submit},
 * {@code queues}, {@code revoke}): which broker, and how long to keep reconnecting when it goes
 * away. A picocli mixin. See docs/pipeline.md.
 */
final class BrokerOptions {
    @Option(names = {"-b", "--broker"}, paramLabel = "URL",
            description = "The Redis broker: redis://[[user]:password@]host[:port][/db] or rediss://...?ssl_ca_certs=FILE."
                    + " Default: $RANKS_BROKER, else " + BrokerUrl.LOCAL + ".")
    String broker;

    @Option(names = "--reconnect-window", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to keep reconnecting to a broker that went away before giving up (exit 2). Default:"
                    + " 60s.")
    Duration reconnectWindow;

    /** @return the broker's URL, checked */
    BrokerUrl url() {
        return BrokerUrl.parse(EngineOptions.brokerUrl(broker));
    }

    /**
     * Connects to the broker.
     *
     * @param diagnostics where outages are reported
     * @return the client, with the reconnect window asked for
     */
    TaskQueue connect(PrintStream diagnostics) {
        return TaskQueue.connect(url(), diagnostics, reconnectWindow != null ? reconnectWindow
                : TaskQueue.RECONNECT_WINDOW);
    }
}
