package dev.ranks.launcher;

import dev.ranks.comm.JobTrace;
import dev.ranks.comm.RankTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The file {@code --trace} names: opened before any rank starts, so that a bad path is a usage
 * error, and written once the job has ended however it ended, so that a failed or deadlocked job
 * leaves its timeline up to that point.
 */
final class TraceOutput {
    private final Path file;
    private final PrintWriter out;

    private TraceOutput(Path file, PrintWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * @param file the file {@code --trace} names
     * @return it, open for writing
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) when it cannot be written
     */
    static TraceOutput open(Path file) {
        return new TraceOutput(file, OutFile.open("--trace", file));
    }

    /**
     * Writes a trace recorded in this JVM.
     *
     * @param trace the job's trace
     * @param err where a failure to write or a note about dropped events goes
     */
    void write(JobTrace trace, PrintWriter err) {
        write(List.of(trace.part()), trace.dropped(), err);
    }

    /**
     * Writes a trace from the parts the ranks' JVMs sent.
     *
     * @param parts each JVM's {@link JobTrace#part()}
     * @param err where a failure to write goes
     */
    void write(Collection<String> parts, PrintWriter err) {
        write(parts, 0, err);
    }

    /**
     * Writes a trace from the parts the ranks' JVMs sent, with the number of events they dropped.
     *
     * @param parts each JVM's {@link JobTrace#part()}
     * @param dropped the events the ranks could not keep, which a note on err counts
     * @param err where a failure to write or the note goes
     */
    void write(Collection<String> parts, long dropped, PrintWriter err) {
        try (out) {
            JobTrace.merge(parts, out);
        } catch (IOException e) {
            err.println("--trace '" + file + "' could not be written: " + e.getMessage());
        }
        if (out.checkError()) {
            err.println("--trace '" + file + "' could not be written completely (disk full?)");
        }
        if (dropped > 0) {
            err.println("--trace: " + dropped + " events dropped: a rank keeps at most " + RankTrace.CAPACITY
                    + " (docs/trace.md)");
        }
        err.flush();
    }
}
