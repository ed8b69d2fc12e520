package dev.ranks.launcher;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One line on stderr as each step of a long, otherwise silent command starts, such as {@code bench
 * crawl: crawling on 4 ranks}: stdout keeps only the results, so it stays parseable. A run whose steps would start
 * while its {@link Progress} bar is drawn ({@code bench gpu}'s rows) names them in the bar instead, and prints them
 * here only when the bar is hidden. Silent in the JVMs of MPJ Express and MPI ranks, which run the command again.
 */
final class Steps {
    private final String name;
    private final PrintWriter err;

    private Steps(String name, PrintWriter err) {
        this.name = name;
        this.err = err;
    }

    /**
     * @param spec the running command, whose name starts each line
     * @return its steps
     */
    static Steps of(CommandSpec spec) {
        return new Steps(name(spec), spec.commandLine().getErr());
    }

    /**
     * @param spec the running command
     * @return its name without the launcher's, such as {@code bench gpu}
     */
    static String name(CommandSpec spec) {
        return spec.qualifiedName(" ").substring(spec.root().name().length() + 1);
    }

    /**
     * Says that a step starts.
     *
     * @param what the step, such as {@code crawling with one thread}
     */
    void start(String what) {
        // Under --device mpj and mpi the command runs again in every rank's JVM: the launcher's own JVM has said
        // it (under a user's own mpirun no JVM says it, rather than every rank).
        if (MpjRank.active() || MpiRank.startedAsRank()) {
            return;
        }
        err.println(name + ": " + what + "...");
        err.flush();
    }
}
