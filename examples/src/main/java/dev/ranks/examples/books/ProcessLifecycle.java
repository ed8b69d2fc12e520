package dev.ranks.examples.books;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cookbook's process recipes (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 3: how to
 * spawn a process, name it, run it in the background, kill it, and the exit codes), with real child
 * processes: each {@code multiprocessing.Process} is a JVM that {@link ProcessBuilder} starts with the
 * same {@code java} ({@link ProcessHandle#current()}) and this class's jar, running one of the book's
 * target functions ({@code --child FUNCTION NAME}). The parent copies each child's stdout to its own,
 * line by line.
 *
 * <ul>
 *   <li>spawn: five processes, each started and joined in turn, print
 *       {@code called function in process: 0} to {@code 4}.
 *   <li>names: {@code foo_process} and an unnamed one, named {@code Process-2} as Python names it, print
 *       {@code Starting NAME} and {@code Exiting NAME}.
 *   <li>daemon: Python terminates a daemonic child when the parent's main ends, and joins the others.
 *       {@code background_process} is a daemon, so it is terminated (before it has printed, as in the
 *       book), and only {@code NO_background_process} prints {@code Starting} and {@code Exiting}.
 *   <li>terminate: the book's {@code p.terminate()} is {@link Process#destroy()}, which sends SIGTERM, as
 *       Python's {@code terminate()} does. Python reports a process ended by signal 15 as exit code -15;
 *       Java reports 143, 128 + 15, as a shell does: the child JVM exits with 143 on SIGTERM, and
 *       {@link Process#exitValue()} gives 128 + the signal where a process dies of one.
 *   <li>exit codes: {@code exit_error} ({@code System.exit(1)}) 1, {@code exit_ok} 0,
 *       {@code return_value} 0 (a Java main returns no value; Python ignores the target's), {@code raises}
 *       1 (an uncaught exception ends the JVM with 1, as it ends Python's child), and {@code terminated}
 *       143 where Python prints -15.
 * </ul>
 *
 * <p>The book's sleeps of seconds are 300 ms here. Whether a process is alive right after
 * {@code destroy()} depends on how fast the child dies: the line prints what Java says. A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ProcessLifecycle
 * spawn:
 * called function in process: 0
 * ...
 * called function in process: 4
 * names:
 * Starting foo_process
 * Starting Process-2
 * Exiting foo_process
 * Exiting Process-2
 * daemon:
 * Starting NO_background_process
 * Exiting NO_background_process
 * terminate:
 * Process before execution: &lt;Process(Process-1, initial)&gt; false
 * Process running: &lt;Process(Process-1, started)&gt; true
 * Process terminated: &lt;Process(Process-1, started)&gt; true
 * Process joined: &lt;Process(Process-1, stopped[143])&gt; false
 * Process exit code: 143
 * exit codes:
 *      exit_error.exitcode = 1
 *         exit_ok.exitcode = 0
 *    return_value.exitcode = 0
 *          raises.exitcode = 1
 *      terminated.exitcode = 143
 * </pre>
 */
public final class ProcessLifecycle {
    private static final long SLEEP_MS = 300;

    private ProcessLifecycle() {
    }

    /**
     * Runs the recipes in turn, or, with {@code --child FUNCTION NAME}, one child's target function.
     *
     * @param args none, or {@code --child FUNCTION NAME [ARG]}
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--child")) {
            child(args[1], args[2], args.length > 3 ? args[3] : "");
            return;
        }

        System.out.println("spawn:");
        for (int i = 0; i < 5; i++) {
            Child p = new Child("Process-" + (i + 1), "foo", Integer.toString(i));
            p.start();
            p.join();
        }

        System.out.println("names:");
        Child withName = new Child("foo_process", "named");
        Child withDefaultName = new Child("Process-2", "named");
        withName.start();
        withDefaultName.start();
        withName.join();
        withDefaultName.join();

        System.out.println("daemon:");
        Child background = new Child("background_process", "named");
        Child noBackground = new Child("NO_background_process", "named");
        background.start();
        noBackground.start();
        // The parent's main ends here: Python's atexit terminates the daemonic children and joins the others.
        background.process.destroy();
        background.join();
        noBackground.join();

        System.out.println("terminate:");
        Child p = new Child("Process-1", "kill");
        System.out.println("Process before execution: " + p + " " + p.isAlive());
        p.start();
        System.out.println("Process running: " + p + " " + p.isAlive());
        p.process.destroy(); // SIGTERM, as p.terminate()
        System.out.println("Process terminated: " + p + " " + p.isAlive());
        p.join();
        System.out.println("Process joined: " + p + " " + p.isAlive());
        System.out.println("Process exit code: " + p.process.exitValue());

        System.out.println("exit codes:");
        List<Child> jobs = new ArrayList<>();
        for (String function : List.of("exit_error", "exit_ok", "return_value", "raises", "terminated")) {
            Child job = new Child(function, function);
            jobs.add(job);
            job.start();
        }
        jobs.get(jobs.size() - 1).process.destroy();
        for (Child job : jobs) {
            job.join();
            System.out.printf("%15s.exitcode = %d%n", job.name, job.process.exitValue());
        }
    }

    /** The book's target functions, run in a child JVM. */
    private static void child(String function, String name, String arg) throws InterruptedException {
        switch (function) {
            case "foo" -> System.out.println("called function in process: " + arg);
            case "named" -> {
                System.out.println("Starting " + name);
                Thread.sleep(SLEEP_MS);
                System.out.println("Exiting " + name);
            }
            case "kill" -> {
                System.out.println("Starting function");
                Thread.sleep(100);
                System.out.println("Finished function");
            }
            case "exit_error" -> System.exit(1);
            case "exit_ok", "return_value" -> {
                // Python ignores a target's return value; a Java main has none: both exit 0
            }
            case "raises" -> throw new RuntimeException("There was an error!");
            case "terminated" -> Thread.sleep(10 * SLEEP_MS);
            default -> throw new IllegalArgumentException("ProcessLifecycle: no child function '" + function + "'");
        }
    }

    /** A child process, as Python's {@code multiprocessing.Process}: a name, a state, a JVM once started. */
    private static final class Child {
        final String name;
        private final List<String> command;
        Process process;
        private Thread copier;

        Child(String name, String function, String... args) {
            this.name = name;
            this.command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                    ProcessLifecycle.class.getName(), "--child", function, name));
            this.command.addAll(List.of(args));
        }

        void start() throws IOException {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            copier = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        System.out.println(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, name + "-stdout");
            copier.start();
        }

        /** Waits for the process to end and its output to be copied. */
        void join() throws InterruptedException {
            process.waitFor();
            copier.join();
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        /** Python's repr: {@code <Process(NAME, initial|started|stopped[EXIT])>}. */
        @Override
        public String toString() {
            String state = process == null ? "initial" : copier.isAlive() || process.isAlive() ? "started"
                    : "stopped[" + process.exitValue() + "]";
            return "<Process(" + name + ", " + state + ")>";
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This class's jar (or classes directory), for the child JVMs. */
    private static String classPath() {
        try {
            return Path.of(ProcessLifecycle.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
    }
}
