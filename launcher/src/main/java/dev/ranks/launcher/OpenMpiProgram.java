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
 * One of the C programs under {@code bench/} that the benches time as their Open MPI reference (the
 * launcher jar carries a copy of each): built with {@code mpicc} in a temporary directory, run under
 * {@code mpirun}, its table read back as rows of cells. {@link OpenMpiPingPong} and
 * {@link OpenMpiCollectives} read the rows.
 */
final class OpenMpiProgram {
    /** What to install where {@link #installed()} is false. */
    static final String INSTALL = "sudo apt-get install openmpi-bin libopenmpi-dev";

    private OpenMpiProgram() {
    }

    /** @return whether {@code mpicc} and {@code mpirun} are on the PATH */
    static boolean installed() {
        return onPath("mpicc") && onPath("mpirun");
    }

    /**
     * Builds {@code bench/NAME.c} and runs it.
     *
     * @param name the program, such as {@code pingpong}
     * @param what the program as error messages name it, such as {@code ping-pong}
     * @param processes how many processes {@code mpirun} starts
     * @param arguments the program's arguments
     * @param cells how many cells a row of its table has; lines of other shapes are not rows
     * @return its table's rows by their first cell, a whole number (the size), each the other cells' numbers;
     *     lines of another number of cells are not rows
     * @throws RanksException of class {@link ErrorClass#UNAVAILABLE} when Open MPI is missing or its
     *     compiler or run fails, with their output
     */
    static Map<Integer, double[]> run(String name, String what, int processes, List<String> arguments, int cells) {
        if (!installed()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "Open MPI is missing (no mpicc and mpirun on the PATH):"
                    + " install it with: " + INSTALL);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ranks-" + name);
            Path source = dir.resolve(name + ".c");
            try (InputStream in = OpenMpiProgram.class.getResourceAsStream(name + ".c")) {
                Files.copy(in, source);
            }
            Path program = dir.resolve(name);
            exec(List.of("mpicc", "-O2", "-o", program.toString(), source.toString()));
            List<String> command = new ArrayList<>(List.of("mpirun", "--oversubscribe", "-np", String.valueOf(processes),
                    program.toString()));
            command.addAll(arguments);
            Map<Integer, double[]> rows = new LinkedHashMap<>();
            for (String line : exec(command).lines().toList()) {
                String[] row = line.trim().split("\\s+");
                if (row.length == cells && row[0].matches("\\d+")) {
                    double[] figures = new double[cells - 1];
                    for (int i = 1; i < cells; i++) {
                        figures[i - 1] = Double.parseDouble(row[i]);
                    }
                    rows.put(Integer.parseInt(row[0]), figures);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "the Open MPI " + what + " could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while the Open MPI " + what + " ran", e);
        } finally {
            delete(dir);
        }
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
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

    private static void delete(Path dir) {
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
