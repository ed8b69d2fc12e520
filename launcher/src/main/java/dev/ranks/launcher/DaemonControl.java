package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.hostfiles.HostEntry;
import dev.ranks.hostfiles.Hostfile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts, stops and probes MPJ Express daemons on the hosts of a hostfile: directly on this
 * machine's names, over ssh on the others, all hosts at once.
 *
 * <p>Starting and stopping run one small POSIX shell script, the same on this machine ({@code sh
 * -s}) and over ssh ({@code ssh HOST sh -s}, the script on standard input, so nothing needs
 * copying first). On the host it makes a private MPJ_HOME, {@code STATE/HOST-PORT} under the state
 * directory ({@code ~/.ranks/daemons} by default): the Debian package's jars and the four
 * libraries they need copied side by side (the packaged {@code mpjboot} is broken because they are
 * not), and an {@code mpjexpress.conf} with this daemon's ports. It starts {@code java -cp
 * MPJ_HOME/lib/daemon.jar runtime.daemon.MPJDaemon PORT} in a session of its own, so that it
 * outlives the ssh connection and the terminal, and records its pid there. Stopping kills that pid
 * (after checking that it still is that daemon) and the rank JVMs it started, then removes the
 * private MPJ_HOME (a few MB of copied jars; the next start makes it again). Status never runs
 * anything on the host: {@link MpjDaemonProbe} asks the daemon itself over TCP.
 */
final class DaemonControl {
    /** How a host's daemon is reached and where its files go. */
    record Settings(int port, Duration startWait, List<String> ssh, String stateDir, String remoteJava) {
        /** @return the port of the daemon's port manager: three below its own, as MPJ's 40055 and 40052 */
        int portManagerPort() {
            return port - 3;
        }
    }

    /**
     * One host's outcome.
     *
     * @param ok whether the host is now as asked
     * @param line what to print, starting with {@code host:port}
     */
    record Outcome(boolean ok, String line) {
    }

    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(60);
    private static final int MAX_PARALLEL = 16;
    private static final int SSH_FAILED = 255;

    // $1 action, $2 port, $3 port-manager port, $4 state directory ("" for ~/.ranks/daemons),
    // $5 java command, $6 host name as written in the hostfile.
    private static final String SCRIPT = """
            set -eu
            action=$1 port=$2 pmport=$3 dir=$4 java=$5 host=$6
            [ -n "$dir" ] || dir="$HOME/.ranks/daemons"
            home="$dir/$host-$port"
            pidfile="$home/daemon.pid"
            running() {
              [ -f "$pidfile" ] || return 1
              pid=$(cat "$pidfile")
              [ -r "/proc/$pid/cmdline" ] || return 1
              tr '\\000' ' ' < "/proc/$pid/cmdline" | grep -q "runtime.daemon.MPJDaemon $port"
            }
            # Removes the private MPJ_HOME (some MB of jars), only when it is one that start made.
            forget() {
              if [ -f "$home/conf/mpjexpress.conf" ] && [ -f "$home/lib/daemon.jar" ]; then rm -rf "$home"; fi
            }
            case $action in
            start)
              if running; then echo "already running (pid $pid, MPJ_HOME $home)"; exit 0; fi
              lib=/usr/share/mpj/lib
              if [ ! -f "$lib/daemon.jar" ]; then
                echo "MPJ Express is not installed: $lib/daemon.jar is missing (Debian package libmpj-java)"; exit 3
              fi
              mkdir -p "$home/lib" "$home/conf" "$home/logs"
              for jar in "$lib"/*.jar; do cp -L "$jar" "$home/lib/"; done
              for dep in commons-cli:libcommons-cli-java commons-codec:libcommons-codec-java \\
                         commons-io:libcommons-io-java log4j-1.2:liblog4j1.2-java; do
                jar=/usr/share/java/${dep%%:*}.jar
                if [ ! -f "$jar" ]; then echo "$jar is missing (Debian package ${dep#*:})"; exit 3; fi
                cp -L "$jar" "$home/lib/"
              done
              conf=/etc/mpj/mpjexpress.conf
              [ -f "$conf" ] || conf=/usr/share/mpj/conf/mpjexpress.conf
              sed -e "s/^mpjexpress.mpjdaemon.port.1=.*/mpjexpress.mpjdaemon.port.1=$port/" \\
                  -e "s/^mpjexpress.mpjdaemon.port.2=.*/mpjexpress.mpjdaemon.port.2=$pmport/" \\
                  "$conf" > "$home/conf/mpjexpress.conf"
              cd "$home"
              session=; if command -v setsid >/dev/null; then session=setsid; fi
              MPJ_HOME="$home" $session "$java" -cp "$home/lib/daemon.jar" runtime.daemon.MPJDaemon "$port" \\
                </dev/null >"$home/logs/daemon.out" 2>&1 &
              echo $! > "$pidfile"
              echo "started (pid $!, MPJ_HOME $home)"
              ;;
            stop)
              if ! running; then
                rm -f "$pidfile"; forget; echo "not running (no daemon started here: $pidfile)"; exit 0
              fi
              pkill -TERM -P "$pid" 2>/dev/null || true
              kill "$pid" 2>/dev/null || true
              i=0
              while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
              kill -9 "$pid" 2>/dev/null || true
              rm -f "$pidfile"
              forget
              echo "stopped (pid $pid)"
              ;;
            check)
              if running; then echo "running (pid $pid)"; else echo "not running"; exit 1; fi
              ;;
            log)
              if [ -f "$home/logs/daemon.out" ]; then tail -n 15 "$home/logs/daemon.out"; else echo "no log at $home/logs/daemon.out"; fi
              ;;
            esac
            """;

    private final Settings settings;

    DaemonControl(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts a daemon on every host that has none answering, and waits until each answers.
     *
     * @param hostfile the hosts
     * @return one outcome per host, in hostfile order
     */
    List<Outcome> start(Hostfile hostfile) {
        return eachHost(hostfile, this::startOne);
    }

    /**
     * Stops the daemons this command started on every host, and the rank JVMs they run.
     *
     * @param hostfile the hosts
     * @return one outcome per host, in hostfile order
     */
    List<Outcome> stop(Hostfile hostfile) {
        return eachHost(hostfile, host -> {
            ScriptRun run = runScript("stop", host);
            return new Outcome(run.exitCode() == 0, address(host) + " " + run.output());
        });
    }

    /**
     * Asks every host's daemon whether it is there.
     *
     * @param hostfile the hosts
     * @param timeout how long to wait for each
     * @return one answer per host, in hostfile order
     */
    List<DaemonAnswer> status(Hostfile hostfile, Duration timeout) {
        return eachHost(hostfile, host -> MpjDaemonProbe.probe(host, settings.port(), timeout));
    }

    private Outcome startOne(String host) {
        DaemonAnswer before = MpjDaemonProbe.probe(host, settings.port(), MpjDaemonProbe.DEFAULT_TIMEOUT);
        if (before.up()) {
            return new Outcome(true, address(host) + " already running (" + before.detail() + ")");
        }
        if (before.state() == DaemonAnswer.State.UNKNOWN_HOST) {
            return new Outcome(false, before.line());
        }
        ScriptRun run = runScript("start", host);
        if (run.exitCode() != 0) {
            return new Outcome(false, address(host) + " failed to start: " + run.output());
        }
        long deadline = System.nanoTime() + settings.startWait().toNanos();
        DaemonAnswer answer = before;
        for (int round = 1; System.nanoTime() < deadline; round++) {
            answer = MpjDaemonProbe.probe(host, settings.port(), Duration.ofSeconds(1));
            if (answer.up()) {
                // A daemon whose port manager cannot bind its port exits, with status 0, just after
                // its own port has come up; a moment later the pid shows whether it stayed.
                pause(Duration.ofMillis(500));
            }
            if ((answer.up() || round % 5 == 0) && runScript("check", host).exitCode() != 0) {
                return new Outcome(false, address(host) + " started but exited at once; " + logTail(host));
            }
            if (answer.up()) {
                return new Outcome(true, address(host) + " " + run.output());
            }
            pause(Duration.ofMillis(200));
        }
        return new Outcome(false, address(host) + " started but did not answer within "
                + settings.startWait().toSeconds() + " s (" + answer.detail() + "); " + logTail(host));
    }

    private String logTail(String host) {
        String log = runScript("log", host).output();
        if (log.isEmpty()) {
            return "its log is empty: MPJ Express's daemon exits without a word when its port-manager port "
                    + settings.portManagerPort() + " is in use";
        }
        return "the end of its log:\n" + log.indent(4).stripTrailing();
    }

    private record ScriptRun(int exitCode, String output) {
    }

    private ScriptRun runScript(String action, String host) {
        boolean local = LocalHost.isLocal(host);
        String java = local ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : settings.remoteJava();
        List<String> args = List.of(action, Integer.toString(settings.port()),
                Integer.toString(settings.portManagerPort()), settings.stateDir() == null ? "" : settings.stateDir(),
                java, host);
        List<String> command = new ArrayList<>();
        if (local) {
            command.addAll(List.of("sh", "-s", "--"));
            command.addAll(args);
        } else {
            command.addAll(settings.ssh());
            // ssh hands the remote shell one string, so each argument is quoted for it.
            command.addAll(List.of(host, "sh", "-s", "--"));
            args.stream().map(DaemonControl::shellQuote).forEach(command::add);
        }
        Path output = null;
        try {
            // A file, not a pipe: reading a pipe to its end would wait forever on an ssh that hangs.
            output = Files.createTempFile("ranks-daemons-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ScriptRun(-1, "no result within " + SCRIPT_LIMIT.toSeconds() + " s from: "
                        + String.join(" ", command));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() == 0 || local) {
                return new ScriptRun(process.exitValue(), text);
            }
            // 255 is ssh's own failure (refused key, unknown host, no route): the script never ran there.
            String why = process.exitValue() == SSH_FAILED
                    ? "ssh could not reach " + host + " to run the " + action + " script (ssh exit 255): " : "";
            return new ScriptRun(process.exitValue(), why + text + " (via " + String.join(" ", settings.ssh()) + ")");
        } catch (IOException e) {
            return new ScriptRun(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, "interrupted while running " + action + " on " + host);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the command's own outcome matters more.
            file.toFile().deleteOnExit();
        }
    }

    private <T> List<T> eachHost(Hostfile hostfile, Function<String, T> action) {
        List<String> hosts = hostfile.hosts().stream().map(HostEntry::name).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(hosts.size(), MAX_PARALLEL));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (String host : hosts) {
                futures.add(pool.submit(() -> action.apply(host)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, "interrupted while contacting the hosts of " + hostfile.name());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RanksException re ? re
                    : new RanksException(ErrorClass.INTERNAL, -1, "contacting a host failed: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private String address(String host) {
        return host + ":" + settings.port();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, "interrupted while waiting for a daemon");
        }
    }

    /** Quotes a word for a POSIX shell: single quotes, each inner quote closed, escaped and reopened. */
    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
