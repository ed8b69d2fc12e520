package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;

/**
 * A wait for results ran out of time ({@link TaskQueue#awaitAll}): not bad input and not a failed
 * task, since the tasks may still finish later; {@code launcher submit --result-timeout} exits 124
 * on it, as {@code timeout(1)} and the launcher's {@code --timeout} do. Its class is
 * {@link ErrorClass#UNAVAILABLE}: the results were not available in time.
 */
public final class ResultTimeoutException extends RanksException {
    private static final long serialVersionUID = 1L;

    /** The ids still pending; a list of strings, which serialise as they are. */
    private final List<String> pending;

    /**
     * @param message what ran out and what to check
     * @param pending the ids of the tasks still without a final state
     */
    ResultTimeoutException(String message, List<String> pending) {
        super(ErrorClass.UNAVAILABLE, message);
        this.pending = List.copyOf(pending);
    }

    /** @return the ids of the tasks still without a final state when the time ran out */
    public List<String> pending() {
        return pending;
    }
}
