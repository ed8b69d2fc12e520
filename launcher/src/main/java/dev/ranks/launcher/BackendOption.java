package dev.ranks.launcher;

import dev.ranks.gpu.Backends;
import dev.ranks.gpu.Selection;
import picocli.CommandLine.Option;

/** {@code --backend NAME}, the one choice of compute backend, shared by the gpu commands' mixins. */
final class BackendOption {
    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.AUTO,
            description = "auto, cuda, opencl, aparapi or java; auto tries CUDA, an OpenCL GPU, an OpenCL CPU, then"
                    + " Java. Default: ${DEFAULT-VALUE}.")
    private String name;

    /** @return the chosen backend and its devices; an unknown or unavailable one is {@code UNAVAILABLE}, exit 2 */
    Selection select() {
        return Backends.select(name);
    }
}
