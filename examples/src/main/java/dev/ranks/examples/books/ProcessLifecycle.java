package dev.ranks.examples.books;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cookbook's process recipes (Zaccone, <i>Python Parallel Programming Cookbook</i>, 2nd ed., ch. 3:
 * {@code spawning_processes.py}, {@code naming_processes.py}, {@code run_background_processes.py},
 * {@code run_background_processes_no_daemons.py} and {@code killing_processes.py}), with real child
 * processes: each {@code multiprocessing.Process} is a JVM that {@link ProcessBuilder} starts with the
 * same {@code java} ({@link ProcessHandle#current()}) and this class's jar, running one of the book's
 * target functions ({@code --child FUNCTION NAME}). The parent copies each child's stdout to its own,
 * line by line. The lines are the book's, with its spaces and its empty lines (its strings end in
 * {@code \n}, and {@code print} adds another).
 *
 * <ul>
 *   <li>spawn: six processes, each started and joined in turn; process i prints
 *       {@code calling myFunc from process n°: i} and {@code output from myFunc is :j} for j below i.
 *   <li>names: {@code myFunc process} and an unnamed one, named {@code Process-2} as Python names it,
 *       print {@code Starting process name = NAME } and {@code Exiting process name = NAME }.
 *   <li>daemon: Python terminates a daemonic child when the parent's main ends, and joins the others.
 *       {@code background_process} is a daemon, so it is terminated (before it has printed, as in the
 *       book's run), and only {@code NO_background_process} prints {@code Starting}, {@code ---> 5} to
 *       {@code ---> 9} and {@code Exiting}. Without daemons, both print all their lines.
 *   <li>terminate: the book's {@code p.terminate()} is {@link Process#destroy()}, which sends SIGTERM, as
 *       Python's {@code terminate()} does. The process is printed as Python 3.8 prints it,
 *       {@code <Process name='Process-1' pid=P parent=Q started>}, and its exit code as Python gives it
 *       for a process that SIGTERM ended, -15: the child JVM exits with 143, 128 + 15, on SIGTERM, which
 *       is what {@link Process#exitValue()} says, and this program reports that as Python would.
 * </ul>
 *
 * <p>The book's sleeps of seconds are 300 ms here. Whether a process is alive right after
 * {@code destroy()} depends on how fast the child dies: the line prints what Java says. A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ProcessLifecycle
 * spawn:
 * calling myFunc from process n°: 0
 * calling myFunc from process n°: 1
 * output from myFunc is :0
 * ...
 * names:
 * Starting process name = myFunc process
 *
 * Starting process name = Process-2
 * ...
 * daemon:
 * Starting NO_background_process
 *
 * ---&gt; 5
 * ...
 * no daemons:
 * ...
 * terminate:
 * Process before execution: &lt;Process name='Process-1' parent=4242 initial&gt; False
 * Process running: &lt;Process name='Process-1' pid=4250 parent=4242 started&gt; True
 * Process terminated: &lt;Process name='Process-1' pid=4250 parent=4242 started&gt; True
 * Process joined: &lt;Process name='Process-1' pid=4250 parent=4242 stopped exitcode=-SIGTERM&gt; False
 * Process exit code: -15
 * </pre>
 */
public final class ProcessLifecycle {
    private static final long SLEEP_MS = 300;
    private static final int SIGTERM = 15;

    private ProcessLifecycle() {
    }

    /**
     * Runs the recipes in turn, or, with {@code --child FUNCTION NAME}, one child's target function.
     *
     * @param args none, or {@code --child FUNCTION NAME [ARG]}
     * @throws Exception if a child cannot be started or waited for
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--child")) {
            child(args[1], args[2], args.length > 3 ? args[3] : "");
            return;
        }

        System.out.println("spawn:");
        for (int i = 0; i < 6; i++) {
            Child p = new Child("Process-" + (i + 1), "myFunc", Integer.toString(i));
            p.start();
            p.join();
        }

        System.out.println("names:");
        Child withName = new Child("myFunc process", "named");
        Child withDefaultName = new Child("Process-2", "named");
        withName.start();
        withDefaultName.start();
        withName.join();
        withDefaultName.join();

        System.out.println("daemon:");
        Child background = new Child("background_process", "background", "0");
        Child noBackground = new Child("NO_background_process", "background", "5");
        background.start();
        noBackground.start();
        // The parent's main ends here: Python's atexit terminates the daemonic children and joins the others.
        background.terminate();
        background.join();
        noBackground.join();

        System.out.println("no daemons:");
        Child first = new Child("background_process", "background", "0");
        Child second = new Child("NO_background_process", "background", "5");
        first.start();
        first.join(); // the two JVMs' lines would interleave as they will; one after the other reads as the book
        second.start();
        second.join();

        System.out.println("terminate:");
        Child p = new Child("Process-1", "foo");
        System.out.println("Process before execution: " + p + " " + python(p.isAlive()));
        p.start();
        System.out.println("Process running: " + p + " " + python(p.isAlive()));
        p.terminate();
        System.out.println("Process terminated: " + p + " " + python(p.isAlive()));
        p.join();
        System.out.println("Process joined: " + p + " " + python(p.isAlive()));
        System.out.println("Process exit code: " + p.exitcode());
    }

    /** Python's {@code True} and {@code False}. */
    private static String python(boolean value) {
        return value ? "True" : "False";
    }

    /** The book's target functions, run in a child JVM. */
    private static void child(String function, String name, String arg) throws InterruptedException {
        switch (function) {
            case "myFunc" -> {
                int i = Integer.parseInt(arg);
                System.out.println("calling myFunc from process n°: " + i);
                for (int j = 0; j < i; j++) {
                    System.out.println("output from myFunc is :" + j);
                }
            }
            case "named" -> {
                System.out.println("Starting process name = " + name + " \n");
                Thread.sleep(SLEEP_MS);
                System.out.println("Exiting process name = " + name + " \n");
            }
            case "background" -> {
                System.out.println("Starting " + name + " \n");
                int from = Integer.parseInt(arg);
                for (int i = from; i < from + 5; i++) {
                    System.out.println("---> " + i + " \n");
                }
                Thread.sleep(SLEEP_MS);
                System.out.println("Exiting " + name + " \n");
            }
            case "foo" -> {
                System.out.println("Starting function");
                for (int i = 0; i < 10; i++) {
                    System.out.println("-->" + i + "\n");
                    Thread.sleep(SLEEP_MS);
                }
                System.out.println("Finished function");
            }
            default -> throw new IllegalArgumentException("ProcessLifecycle: no child function '" + function + "'");
        }
    }

    /** A child process, as Python's {@code multiprocessing.Process}: a name, a state, a JVM once started. */
    private static final class Child {
        final String name;
        private final List<String> command;
        Process process;
        private Thread copier;
        private boolean destroyed;

        Child(String name, String function, String... args) {
            this.name = name;
            this.command = new ArrayList<>(ChildJvm.command(ProcessLifecycle.class, "--child", function, name));
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

        /** Python's {@code terminate()}: SIGTERM, which {@link Process#destroy()} sends. */
        void terminate() {
            destroyed = true;
            process.destroy();
        }

        /** Waits for the process to end and its output to be copied. */
        void join() throws InterruptedException {
            process.waitFor();
            copier.join();
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        /**
         * Python's exit code: the process's, or minus the signal for a process that a signal ended (the
         * child JVM exits with 128 + 15 when SIGTERM ends it).
         */
        int exitcode() {
            int exit = process.exitValue();
            return destroyed && exit == 128 + SIGTERM ? -SIGTERM : exit;
        }

        /**
         * Python 3.8's repr: {@code <Process name='NAME' pid=P parent=Q initial|started|stopped
         * [exitcode=E]>}, a SIGTERM exit as {@code -SIGTERM}.
         */
        @Override
        public String toString() {
            StringBuilder repr = new StringBuilder("<Process name='").append(name).append("'");
            if (process != null) {
                repr.append(" pid=").append(process.pid());
            }
            repr.append(" parent=").append(ProcessHandle.current().pid());
            if (process == null) {
                repr.append(" initial");
            } else if (copier.isAlive() || process.isAlive()) {
                repr.append(" started");
            } else {
                int exit = exitcode();
                repr.append(" stopped").append(exit == 0 ? "" : " exitcode=" + (exit == -SIGTERM ? "-SIGTERM" : exit));
            }
            return repr.append(">").toString();
        }
    }
}
