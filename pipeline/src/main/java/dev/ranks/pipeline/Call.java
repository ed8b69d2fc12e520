package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invocation of a named task: Celery's {@code (task, args, kwargs)}.
 *
 * @param task the task's name or alias
 * @param args the positional arguments, JSON-compatible values (see {@link Task})
 * @param kwargs the keyword arguments, JSON-compatible values
 */
public record Call(String task, List<Object> args, Map<String, Object> kwargs) {
    /**
     * Copies the arguments (they may hold nulls, so not with {@code List.copyOf}) and normalises
     * their numbers the way {@link Json} reads them.
     *
     * @param task the task's name
     * @param args the positional arguments
     * @param kwargs the keyword arguments
     * @throws RanksException ({@link ErrorClass#ARG}) when the task
     *     name is null or empty, or an argument is not JSON-compatible
     */
    public Call {
        if (task == null || task.isEmpty()) {
            throw new RanksException(ErrorClass.ARG,
                    "task name '" + task + "' is invalid: expected a non-empty name");
        }
        args = Collections.unmodifiableList(Json.normalizeList(args));
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Json.normalizeMap(kwargs)));
    }

    /**
     * A call with positional arguments only.
     *
     * @param task the task's name
     * @param args the positional arguments
     * @return the call
     */
    public static Call of(String task, Object... args) {
        return new Call(task, Arrays.asList(args), Map.of());
    }
}
