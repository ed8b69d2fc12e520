package dev.ranks.launcher;

import dev.ranks.hostfiles.HostEntry;
import dev.ranks.hostfiles.Hostfile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code launcher daemons start|stop|status}: the MPJ Express daemons that {@code --device mpj}
 * needs on every host of a hostfile, one per host. The work is in {@link DaemonControl}; this class
 * reads the options and prints one line per host. The daemons' port is the shared
 * {@code --daemon-port} (default 40055), the one {@code --device mpj} connects to. Exit 0 when
 * every host is as asked, 1 when one is not, 2 for bad usage or a bad hostfile.
 */
@Command(name = "daemons", synopsisSubcommandLabel = "(start | stop | status)", description = {
    "Starts, stops or checks the MPJ Express daemons that --device mpj needs, one on every host of --hostfile"
        + " (this machine, localhost, without one).",
    "Hosts that are this machine are handled directly; the others over ssh (keys, no passwords: BatchMode)."
        + " Each daemon gets a private MPJ_HOME under --state-dir on its host. See docs/cluster.md."})
final class DaemonsCommand implements Callable<Integer> {
    private static final String DEFAULT_SSH = "ssh -o BatchMode=yes -o ConnectTimeout=10";

    @Spec
    private CommandSpec spec;

    @Option(names = "--ssh", paramLabel = "COMMAND", scope = ScopeType.INHERIT, defaultValue = DEFAULT_SSH,
            description = "How to reach the other hosts; the host name and a command follow. Default: ${DEFAULT-VALUE}.")
    private String ssh;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where each host keeps its daemon's MPJ_HOME, log and pid file. Default: ~/.ranks/daemons.")
    private String stateDir;

    @Option(names = "--java", paramLabel = "COMMAND", scope = ScopeType.INHERIT, defaultValue = "java",
            description = "The java command on the other hosts (this machine uses this JVM's). Default: ${DEFAULT-VALUE}.")
    private String remoteJava;

    @Option(names = "--wait", paramLabel = "SECONDS", scope = ScopeType.INHERIT, defaultValue = "20",
            description = "How long start waits for each daemon to answer, and status for each answer (/ 4)."
                    + " Default: ${DEFAULT-VALUE}.")
    private int waitSeconds;

    /**
     * Reached only without a subcommand: says which there are.
     *
     * @return never returns normally
     * @throws ParameterException always
     */
    @Override
    public Integer call() {
        throw ExitCodes.missing(spec, "command");
    }

    @Command(name = "start", description = "Starts a daemon on every host of --hostfile that has none answering,"
            + " and waits until each answers.")
    int start() {
        CommandSpec command = spec.subcommands().get("start").getCommandSpec();
        return print(command, control(command).start(hostfile(command)));
    }

    @Command(name = "stop", description = "Stops the daemons that 'daemons start' started on the hosts of --hostfile,"
            + " and the rank JVMs they still run, and removes each daemon's MPJ_HOME under --state-dir.")
    int stop() {
        CommandSpec command = spec.subcommands().get("stop").getCommandSpec();
        return print(command, control(command).stop(hostfile(command)));
    }

    @Command(name = "status", description = "Says for every host of --hostfile whether its daemon answers on"
            + " --daemon-port;"
            + " runs nothing on the hosts.")
    int status() {
        CommandSpec command = spec.subcommands().get("status").getCommandSpec();
        Duration timeout = Duration.ofMillis(Math.max(500, waitSeconds * 1000L / 4));
        List<DaemonAnswer> answers = control(command).status(hostfile(command), timeout);
        return print(command, answers.stream().map(a -> new DaemonControl.Outcome(a.up(), a.line())).toList());
    }

    // Without --hostfile, this machine: the host --device mpj runs on without one.
    private Hostfile hostfile(CommandSpec command) {
        if (command.root().findOption("--hostfile").getValue() == null) {
            return Hostfile.of("localhost", List.of(HostEntry.of("localhost", 1)));
        }
        return SharedOptions.hostfile(command);
    }

    private DaemonControl control(CommandSpec command) {
        int port = SharedOptions.daemonPort(command);
        if (port < 4 || port > 65535) {
            throw new ParameterException(command.commandLine(), "--daemon-port " + port
                    + ": expected 4 to 65535 (the port manager takes PORT-3)");
        }
        if (waitSeconds < 1) {
            throw new ParameterException(command.commandLine(), "--wait " + waitSeconds + ": expected at least 1 second");
        }
        List<String> sshCommand = Arrays.asList(ssh.strip().split("\\s+"));
        if (sshCommand.get(0).isEmpty()) {
            throw new ParameterException(command.commandLine(), "--ssh is empty: expected a command such as '" + DEFAULT_SSH + "'");
        }
        return new DaemonControl(new DaemonControl.Settings(port, Duration.ofSeconds(waitSeconds), sshCommand, stateDir,
                remoteJava));
    }

    private static int print(CommandSpec command, List<DaemonControl.Outcome> outcomes) {
        PrintWriter out = command.commandLine().getOut();
        outcomes.forEach(outcome -> out.println(outcome.line()));
        out.flush();
        return outcomes.stream().allMatch(DaemonControl.Outcome::ok) ? 0 : 1;
    }
}
