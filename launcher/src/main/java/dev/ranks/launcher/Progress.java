package dev.ranks.launcher;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The progress bar of the launcher's long runs (fib batches, engine batches, bench rows, gpu runs, {@code submit
 * --count --wait}), drawn by me.tongfei:progressbar on the command's stderr and redrawn in place. It is shown only
 * when stderr is a terminal, as the crawl's progress line is, since a log would fill with carriage returns, and never
 * in the JVMs of MPJ Express ranks, which run the command again behind the launcher's own JVM; hidden, every call is
 * a no-op. It never writes to stdout, which keeps only the results. Its steps may come from several rank threads.
 */
final class Progress implements AutoCloseable {
    /** The bar's width with its counts, fixed within an 80-column terminal: the library's width probe opens jline. */
    static final int WIDTH = 79;

    /** Batches of fewer tasks than this finish before a bar would tell anything (engine batches, submit --count). */
    static final int MANY_TASKS = 200;

    private static final Progress HIDDEN = new Progress(null, null);

    private final ProgressBar bar;
    private final PrintWriter err;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Progress(ProgressBar bar, PrintWriter err) {
        this.bar = bar;
        this.err = err;
    }

    /**
     * Starts the bar of a running command, named as {@link Steps} names it, where {@link #shown} says so for this
     * process.
     *
     * @param spec the command, for its name and stderr
     * @param total the steps the run will take
     * @return the bar, possibly hidden
     */
    static Progress start(CommandSpec spec, long total) {
        return start(spec, total, false);
    }

    /**
     * A bar for a batch of tasks: shown as {@link #start(CommandSpec, long)} decides from
     * {@link #MANY_TASKS} tasks up, hidden below.
     *
     * @param spec the command, for its name and stderr
     * @param tasks how many tasks the batch has
     * @return the bar, possibly hidden
     */
    static Progress forTasks(CommandSpec spec, long tasks) {
        return tasks >= MANY_TASKS ? start(spec, tasks) : hidden();
    }

    /**
     * {@link #start(CommandSpec, long)} for a run that prints its results on stdout as they come, such as one row of
     * a table per step: where stdout is the same terminal, those lines would break the bar, and are progress enough,
     * so it is hidden (as {@link Terminal#progressWanted} decides for the crawl).
     *
     * @param spec the command, for its name and stderr
     * @param total the steps the run will take
     * @param resultsOnStdout whether results print on stdout during the run
     * @return the bar, possibly hidden
     */
    static Progress start(CommandSpec spec, long total, boolean resultsOnStdout) {
        return start(spec.commandLine().getErr(), Steps.name(spec), total,
                shown(Terminal.progressWanted(resultsOnStdout), MpjRank.active() || MpiRank.startedAsRank()));
    }

    /**
     * Starts the bar of a rank job whose ranks step it: drawn only where they are threads of this JVM (the local
     * device), since under {@code --device mpj} the steps happen in other JVMs and the bar would stand still.
     *
     * @param spec the command, for its name and stderr
     * @param job the job's options
     * @param total the steps the job will take
     * @return the bar, possibly hidden
     */
    static Progress start(CommandSpec spec, JobOptions job, long total) {
        return job.ranksInThisJvm() > 0 ? start(spec, total) : hidden();
    }

    /**
     * A bar that is never drawn, for a run too short to need one.
     *
     * @return the hidden bar
     */
    static Progress hidden() {
        return HIDDEN;
    }

    /**
     * Whether a bar is drawn: on a terminal's stderr, and outside the rank JVMs of MPJ Express and MPI jobs.
     *
     * @param stderrIsTerminal whether stderr is a terminal (and, for a run that streams its results, stdout is not)
     * @param inRankJvm whether this JVM is a rank's of an MPJ Express or MPI job
     * @return true when the bar should be drawn
     */
    static boolean shown(boolean stderrIsTerminal, boolean inRankJvm) {
        return stderrIsTerminal && !inRankJvm;
    }

    /**
     * Starts a bar on a given stream, or a hidden one.
     *
     * @param err where to draw it
     * @param task the name before the bar
     * @param total the steps the run will take
     * @param shown whether to draw it at all
     * @return the bar
     */
    static Progress start(PrintWriter err, String task, long total, boolean shown) {
        if (!shown) {
            return HIDDEN;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setMaxRenderedLength(WIDTH)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print("\r" + line);
                    err.flush();
                }, WIDTH)).build();
        return new Progress(bar, err);
    }

    /**
     * Whether the bar is drawn, for a caller that prints step lines ({@link Steps}) only when it is not.
     *
     * @return true when drawn
     */
    boolean shown() {
        return bar != null;
    }

    /** One step done. */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /**
     * Steps done so far, where the run counts them itself.
     *
     * @param done the steps done
     */
    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /**
     * Says what the run is doing now, after the counts.
     *
     * @param what such as {@code opencl matmul of size 1024}
     */
    void message(String what) {
        if (bar != null) {
            bar.setExtraMessage(what);
        }
    }

    /**
     * Draws the bar a last time and ends its line, so that what follows on the terminal starts on a new one; a run
     * closes it before printing its results, and again, doing nothing, as it leaves.
     */
    @Override
    public void close() {
        if (bar != null && closed.compareAndSet(false, true)) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
