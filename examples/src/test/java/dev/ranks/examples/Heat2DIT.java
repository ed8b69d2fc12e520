package dev.ranks.examples;

import static dev.ranks.examples.Launch.JAR;
import static dev.ranks.examples.Launch.assumeMpj;
import static dev.ranks.examples.Launch.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.examples.Launch.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Heat2D} as a user runs it, with {@code bin/launcher ... run --class-path ranks-examples.jar
 * dev.ranks.examples.Heat2D}: at every number of ranks, on the local device and on MPJ Express's
 * multicore and niodev devices (these skip where Debian's libmpj-java is not installed), the plate must
 * equal {@link Heat2D#solveSerial}'s bit for bit: the same iterations, largest change, mean and checksum
 * of every point's bits.
 *
 * <p>The small plate, 37 x 23, splits unevenly over 2, 3, 4, 6 and 7 ranks (grids of 2 x 1, 3 x 1, 2 x 2,
 * 3 x 2 and 7 x 1), so blocks differ in size and some ranks touch no edge of the plate.
 */
class Heat2DIT {
    private static final Heat2D.Problem SMALL = new Heat2D.Problem(37, 23, 20_000, 1e-2);
    private static final List<String> SMALL_ARGS = List.of("--rows", "37", "--cols", "23", "--tolerance", "1e-2");

    @TempDir
    Path cwd;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6, 7})
    void localDeviceEqualsTheSerialSolver(int ranks) throws Exception {
        Run run = heat2d(List.of("-n", Integer.toString(ranks)), SMALL_ARGS);

        assertSolved(run, SMALL, ranks);
    }

    @Test
    void theDefaultPlateOnFourRanksEqualsTheSerialSolver() throws Exception {
        Run run = heat2d(List.of("-n", "4"), List.of());

        assertSolved(run, Heat2D.Problem.DEFAULT, 4);
    }

    @Test
    void serialModePrintsTheSerialSolversPlate() throws Exception {
        Run run = heat2d(List.of("-n", "3"), concat(SMALL_ARGS, List.of("--serial")));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Heat2D: 37 x 23 plate, serial\n" + Heat2D.solveSerial(SMALL).report(), run.out(), run::toString);
    }

    @Test
    void aStopBeforeConvergenceSaysSoAndStillEqualsTheSerialSolver() throws Exception {
        Heat2D.Problem fifty = new Heat2D.Problem(37, 23, 50, 1e-2);
        Run run = heat2d(List.of("-n", "6"), List.of("--rows", "37", "--cols", "23", "--iterations", "50", "--tolerance", "1e-2"));

        assertSolved(run, fifty, 6);
        assertTrue(run.out().contains("stopped after 50 iterations"), run::toString);
    }

    @Test
    void aPlateSmallerThanTheGridOfRanksFailsWithTheSizesNamed() throws Exception {
        Run run = heat2d(List.of("-n", "6"), List.of("--rows", "2", "--cols", "10"));

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Heat2D: a 2 x 10 plate cannot be split over 3 x 2 ranks"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void mpjMulticoreEqualsTheSerialSolver(int ranks) throws Exception {
        assumeMpj();
        Run run = heat2d(List.of("--device", "mpj", "--mpj-dev", "multicore", "-n", Integer.toString(ranks)), SMALL_ARGS);

        assertSolved(run, SMALL, ranks);
    }

    @Test
    void mpjNiodevEqualsTheSerialSolver() throws Exception {
        assumeMpj();
        // niodev starts each rank's JVM through an MPJ Express daemon
        try (Launch.Daemons daemons = new Launch.Daemons(cwd)) {
            for (int ranks : new int[] {4, 6}) {
                Run run = heat2d(concat(daemons.jobOptions(), List.of("-n", Integer.toString(ranks))), SMALL_ARGS);
                assertSolved(run, SMALL, ranks);
            }
        }
    }

    private static void assertSolved(Run run, Heat2D.Problem problem, int ranks) {
        assertEquals(0, run.exitCode(), run::toString);
        int[] dims = dims(ranks);
        assertEquals("Heat2D: " + problem.rows() + " x " + problem.cols() + " plate on " + dims[0] + " x " + dims[1]
                + " ranks\n" + Heat2D.solveSerial(problem).report(), run.out(), run::toString);
    }

    /** Dims.create(n, 2) for the sizes tested, written out so that the test does not trust it. */
    private static int[] dims(int ranks) {
        return switch (ranks) {
            case 1 -> new int[] {1, 1};
            case 2 -> new int[] {2, 1};
            case 3 -> new int[] {3, 1};
            case 4 -> new int[] {2, 2};
            case 6 -> new int[] {3, 2};
            case 7 -> new int[] {7, 1};
            default -> throw new IllegalArgumentException("no grid written out for " + ranks + " ranks");
        };
    }

    private Run heat2d(List<String> job, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(job);
        all.addAll(List.of("run", "--class-path", JAR, "dev.ranks.examples.Heat2D"));
        all.addAll(args);
        return launcher(all);
    }

    private Run launcher(List<String> args) throws Exception {
        return Launch.launcher(cwd, args);
    }
}
