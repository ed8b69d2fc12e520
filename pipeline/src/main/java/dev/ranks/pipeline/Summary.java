package dev.ranks.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * How a batch went: the per-engine summary line the launcher prints.
 *
 * @param engine the engine's name
 * @param tasks the number of calls
 * @param failed how many of them failed
 * @param workers the engine's own worker count; 0 for an engine whose calls run on workers started
 *     separately (a task queue's)
 * @param wallMillis from submission to the last outcome, in milliseconds
 * @param deaths one description per worker that died during the batch
 */
public record Summary(String engine, int tasks, int failed, int workers, double wallMillis, List<String> deaths) {
    /**
     * Copies the list.
     *
     * @param engine the engine's name
     * @param tasks the number of calls
     * @param failed how many failed
     * @param workers the worker count
     * @param wallMillis the wall time
     * @param deaths the worker deaths
     */
    public Summary {
        deaths = List.copyOf(deaths);
    }

    /** @return tasks per second of wall time; 0 for an empty batch */
    public double tasksPerSecond() {
        return wallMillis > 0 ? tasks * 1000.0 / wallMillis : 0;
    }

    /**
     * @return one line such as {@code engine threads: 3 tasks, 0 failed, 4 workers, wall 1.2 ms,
     *     2500.0 tasks/s, 0 worker deaths}; {@code workers started separately} in place of
     *     {@code 0 workers}
     */
    public String line() {
        return String.format(Locale.ROOT, "engine %s: %d tasks, %d failed, %s, wall %.1f ms, %.1f tasks/s,"
                + " %d worker deaths", engine, tasks, failed, workers == 0 ? "workers started separately"
                : workers + " workers", wallMillis, tasksPerSecond(), deaths.size());
    }
}
