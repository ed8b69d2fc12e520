package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open MPI reference of {@code bench latency} and {@code bench bw}: {@code bench/pingpong.c}
 * (the program {@code bin/bench-compare} runs; the launcher jar carries a copy), built with
 * {@code mpicc} and timed under {@code mpirun -np 2} in the same run as the ranks.
 */
final class OpenMpiPingPong {
    /**
     * One size as the C program measured it.
     *
     * @param size the message size in bytes
     * @param latencyMicros the one-way latency, median round trip / 2
     * @param bandwidthMiBps 2 * size / median round trip, in MiB/s
     */
    record Row(int size, double latencyMicros, double bandwidthMiBps) {
    }

    private OpenMpiPingPong() {
    }

    /**
     * Builds and runs the C ping-pong.
     *
     * @param sizes the message sizes
     * @return the rows by size
     * @throws RanksException of class {@link ErrorClass#UNAVAILABLE} when Open MPI is missing or its
     *     compiler or run fails, with their output
     */
    static Map<Integer, Row> run(List<Integer> sizes) {
        Map<Integer, Row> rows = new LinkedHashMap<>();
        OpenMpiProgram.run("pingpong", "ping-pong", 2, sizes.stream().map(String::valueOf).toList(), 3)
                .forEach((size, figures) -> rows.put(size, new Row(size, figures[0], figures[1])));
        return rows;
    }
}
