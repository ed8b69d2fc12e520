package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/**
 * Work-group memory for a {@code __local} pointer argument, in {@link Kernel#args(Object...)}: PyOpenCL's
 * {@code cl.LocalMemory(nbytes)}. Each work group gets its own {@code bytes}, uninitialized.
 *
 * @param bytes the size per work group, 1 or more
 */
public record LocalMemory(long bytes) {
    /**
     * Checks the size.
     *
     * @param bytes the size per work group
     * @throws RanksException ({@code ARG}) when it is below 1
     */
    public LocalMemory {
        if (bytes < 1) {
            throw new RanksException(ErrorClass.ARG, "local memory of " + bytes + " bytes: expected 1 or more");
        }
    }
}
