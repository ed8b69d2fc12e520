package dev.ranks.pipeline;

/**
 * A {@link java.util.ServiceLoader} service that opens one kind of {@link Engine}: register
 * implementations in {@code META-INF/services/dev.ranks.pipeline.EngineProvider}.
 */
public interface EngineProvider {
    /** @return the engine's name, as in {@code --engine NAME} */
    String name();

    /**
     * Opens an engine.
     *
     * @param config its settings; an engine reads the ones that concern it
     * @return the engine, its workers started
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG} or
     *     {@link dev.ranks.comm.ErrorClass#UNAVAILABLE}) when a setting it needs is missing or its
     *     resources cannot be had
     */
    Engine open(EngineConfig config);
}
