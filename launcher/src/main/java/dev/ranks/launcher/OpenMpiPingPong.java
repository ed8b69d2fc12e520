package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Open MPI reference of {@code bench latency} and {@code bench bw}: {@code bench/pingpong.c}
 * (the program {@code bin/bench-compare} runs; the launcher jar carries a copy), built with
 * {@code mpicc} and timed under {@code mpirun -np 2} in the same run as the ranks.
 */
final class OpenMpiPingPong {
    /** What to install where {@link #installed()} is false. */
    static final String INSTALL = "sudo apt-get install openmpi-bin libopenmpi-dev";

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

    /** @return whether {@code mpicc} and {@code mpirun} are on the PATH */
    static boolean installed() {
        return onPath("mpicc") && onPath("mpirun");
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
        if (!installed()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "Open MPI is missing (no mpicc and mpirun on the PATH):"
                    + " install it with: " + INSTALL);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ranks-pingpong");
            Path source = dir.resolve("pingpong.c");
            try (InputStream in = OpenMpiPingPong.class.getResourceAsStream("pingpong.c")) {
                Files.copy(in, source);
            }
            Path program = dir.resolve("pingpong");
            exec(List.of("mpicc", "-O2", "-o", program.toString(), source.toString()));
            List<String> command = new ArrayList<>(List.of("mpirun", "--oversubscribe", "-np", "2", program.toString()));
            sizes.forEach(size -> command.add(size.toString()));
            Map<Integer, Row> rows = new LinkedHashMap<>();
            for (String line : exec(command).lines().toList()) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length == 3 && cells[0].matches("\\d+")) {
                    int size = Integer.parseInt(cells[0]);
                    rows.put(size, new Row(size, Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "the Open MPI ping-pong could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while the Open MPI ping-pong ran", e);
        } finally {
            delete(dir);
        }
    }

    static String exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // mpirun refuses root unless told twice; containers and the lent GPU machines run as root.
        builder.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        builder.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "'" + String.join(" ", command) + "' exited with " + code
                    + ":\n" + output.strip());
        }
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary directory left behind costs a few KiB; the figures are already measured.
            System.err.println("ranks: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
