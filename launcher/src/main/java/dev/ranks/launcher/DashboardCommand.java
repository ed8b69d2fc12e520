package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.redis.TaskQueue;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launcher dashboard}: a web page of a Redis broker's queues, workers, throughput and
 * tasks, with revoke and dead-letter actions (Celery's Flower, for Ranks), served until Ctrl-C.
 */
@Command(name = "dashboard", description = {
    "Serves a web page of a Redis broker until Ctrl-C: the queues (waiting, in flight, dead letters), the live Ranks"
        + " workers with their heartbeats, throughput over time, the recent tasks with state and run time, and each"
        + " task's arguments and result or traceback; it can revoke a task and requeue or delete dead letters. The page"
        + " polls a JSON API under /api/ (queues, workers, tasks, throughput, dead) that scripts may use too.",
    "Binds to 127.0.0.1 by default: any user of this host may then read and act unless --token is set. Binding to"
        + " another address needs --token, which then every request needs as well. See docs/dashboard.md."})
final class DashboardCommand implements Callable<Integer> {
    /** Polled every second by the page; a sample every 2 s matches the workers' heartbeats. */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final Duration RECONNECT_WINDOW = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions broker;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5555",
            description = "The HTTP port; 0 picks a free one. Default: ${DEFAULT-VALUE} (Flower's).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE}. Any other than loopback needs --token.")
    private String bind;

    @Option(names = {"--token", "--password"}, paramLabel = "TOKEN", defaultValue = "${env:RANKS_DASHBOARD_TOKEN}",
            description = "The secret that actions need, and every request when bound beyond loopback: the header"
                    + " X-Ranks-Token, Authorization: Bearer, or the password of the browser's login prompt (any user)."
                    + " Default: $RANKS_DASHBOARD_TOKEN, which keeps it out of ps.")
    private String token;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new RanksException(ErrorClass.USAGE, "--port " + port + " is invalid: expected 1 to 65535, or 0 for a"
                    + " free port");
        }
        if (token != null && token.isEmpty()) {
            throw new RanksException(ErrorClass.USAGE, "--token is empty: expected a secret, or no --token at all");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new RanksException(ErrorClass.USAGE, -1, "--bind " + bind + " is invalid: expected an address of this"
                    + " host, such as 127.0.0.1 or 0.0.0.0", e);
        }
        if (!address.isLoopbackAddress() && token == null) {
            throw new RanksException(ErrorClass.USAGE, "--bind " + bind + " reaches beyond this host: it needs --token"
                    + " (or $RANKS_DASHBOARD_TOKEN), since the dashboard can revoke tasks and delete dead letters");
        }
        PrintWriter out = spec.commandLine().getOut();
        // a page that polls should say the broker is away within seconds, not wait out a worker's minute
        Duration window = broker.reconnectWindow != null ? broker.reconnectWindow : RECONNECT_WINDOW;
        try (TaskQueue client = TaskQueue.connect(broker.url(), System.err, window);
                DashboardServer server = DashboardServer.start(client, new InetSocketAddress(address, port), token,
                        SAMPLE_EVERY)) {
            String host = address.isAnyLocalAddress() ? "localhost" : address.getHostAddress();
            out.println("dashboard: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/");
            out.flush();
            spec.commandLine().getErr().println("serving broker " + client.broker() + (token == null
                    ? "; anyone on this host may revoke tasks and handle dead letters" : "; actions need the token")
                    + "; stop with Ctrl-C");
            spec.commandLine().getErr().flush();
            // serves until the JVM is stopped (Ctrl-C, SIGTERM): the server's threads are daemons, so nothing else waits
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
