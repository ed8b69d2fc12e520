package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Opens engines by name from the {@link EngineProvider} services on the class path. */
public final class Engines {
    private Engines() {
    }

    /**
     * Opens an engine.
     *
     * @param name such as {@code threads}, {@code processes}, {@code fifo}, {@code ranks}
     * @param config its settings
     * @return the engine, its workers started
     * @throws RanksException ({@link ErrorClass#ARG}) naming the known engines when there is none of
     *     that name; whatever the engine's provider throws when it cannot open
     */
    public static Engine open(String name, EngineConfig config) {
        for (EngineProvider provider : providers()) {
            if (provider.name().equals(name)) {
                return provider.open(config);
            }
        }
        throw new RanksException(ErrorClass.ARG, "engine '" + name + "' is unknown: expected one of "
                + String.join(", ", names()));
    }

    /** @return the names of the engines on the class path, in service order */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (EngineProvider provider : providers()) {
            names.add(provider.name());
        }
        return names;
    }

    private static ServiceLoader<EngineProvider> providers() {
        return ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader());
    }
}
