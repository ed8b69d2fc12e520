package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What became of one call: its result, or the error it raised with the stack trace as text (what
 * Celery stores as a task's traceback), and which worker ran it for how long.
 *
 * @param index the call's position in its batch
 * @param call the call
 * @param result the task's result when it succeeded, otherwise null (a result may also be null)
 * @param error the task's failure as a stack trace text, or null when it succeeded
 * @param worker which worker ran the call, such as {@code thread-2} or {@code process-1 (pid 4242)}
 * @param millis how long the task ran on its worker, in milliseconds
 * @param attempts how many times the call was started: more than 1 when a worker died running it
 */
public record Outcome(int index, Call call, Object result, String error, String worker, double millis, int attempts) {
    /**
     * A successful outcome.
     *
     * @param index the call's position in its batch
     * @param call the call
     * @param result the result
     * @param worker the worker
     * @param millis the run time
     * @param attempts how many times the call was started
     * @return the outcome
     */
    public static Outcome success(int index, Call call, Object result, String worker, double millis, int attempts) {
        return new Outcome(index, call, Json.normalize(result), null, worker, millis, attempts);
    }

    /**
     * A failed outcome.
     *
     * @param index the call's position in its batch
     * @param call the call
     * @param error the failure as text, usually a stack trace
     * @param worker the worker, or a description of where it failed
     * @param millis the run time
     * @param attempts how many times the call was started
     * @return the outcome
     */
    public static Outcome failure(int index, Call call, String error, String worker, double millis, int attempts) {
        return new Outcome(index, call, null, error, worker, millis, attempts);
    }

    /**
     * Formats a stack trace the way {@link Throwable#printStackTrace()} does.
     *
     * @param t the failure
     * @return its stack trace as text
     */
    public static String trace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text, true));
        return text.toString();
    }

    /** @return whether the task succeeded */
    public boolean ok() {
        return error == null;
    }

    /**
     * The result, or the failure as an exception.
     *
     * @return the result
     * @throws RanksException ({@link ErrorClass#ABORTED}) carrying the task's stack trace when it failed
     */
    public Object value() {
        if (!ok()) {
            throw new RanksException(ErrorClass.ABORTED, "task " + call.task() + " " + call.args() + " failed on "
                    + worker + ": " + error);
        }
        return result;
    }
}
