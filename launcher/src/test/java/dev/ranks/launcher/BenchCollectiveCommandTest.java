package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collective bench commands' tables and option checks, on sizes small enough for a test; no timing is asserted. */
class BenchCollectiveCommandTest {
    @ParameterizedTest
    @CsvSource({
        "bcast,     3, 8,  32, 8 16 32",
        "allreduce, 4, 8,  16, 8 16",
        "alltoall,  3, 1,  4,  1 2 4",
        "allgather, 5, 16, 64, 16 32 64",
        "barrier,   3, 8,  64, 0"})
    void printsOneRowPerSize(String benchmark, int ranks, int minSize, int maxSize, String sizes) {
        CliRun run = CliRun.of("-n", String.valueOf(ranks), "bench", benchmark, "--min-size", String.valueOf(minSize),
                "--max-size", String.valueOf(maxSize), "--iterations", "4", "--warmup", "1");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("# " + benchmark + " latency (as osu_" + benchmark + ") on " + ranks + " ranks"),
                run::toString);
        assertTrue(lines.contains("# algorithm: chosen per size by the selector"), run::toString);
        String heading = lines.stream().filter(line -> line.startsWith("size")).findFirst().orElseThrow();
        assertEquals(List.of("size", "avg(us)", "min(us)", "max(us)", "b2b(us)", "iterations"),
                List.of(heading.split("\\s+")));
        List<String> rows = lines.subList(lines.indexOf(heading) + 1, lines.size());
        assertEquals(List.of(sizes.split(" ")), rows.stream().map(row -> row.split("\\s+")[0]).toList(), run::toString);
        for (String row : rows) {
            String[] cells = row.split("\\s+");
            double avg = Double.parseDouble(cells[1]);
            double min = Double.parseDouble(cells[2]);
            double max = Double.parseDouble(cells[3]);
            assertTrue(min > 0 && min <= avg && avg <= max, row);
            assertTrue(Double.parseDouble(cells[4]) > 0, row);
            assertEquals("4", cells[5], row);
        }
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void largeSizesRunATenthOfTheIterations() {
        CliRun run = CliRun.of("-n", "2", "bench", "bcast", "--min-size", "8k", "--max-size", "16k",
                "--iterations", "20", "--warmup", "0");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> rows = run.outLines().stream().filter(line -> Character.isDigit(line.charAt(0))).toList();
        assertEquals(List.of("8192", "16384"), rows.stream().map(row -> row.split("\\s+")[0]).toList(), run::toString);
        assertEquals(List.of("20", "2"), rows.stream().map(row -> row.split("\\s+")[5]).toList(), run::toString);
    }

    @ParameterizedTest
    @CsvSource({"allreduce, ring", "allreduce, reduce_bcast", "allgather, bruck", "bcast, scatter_allgather",
        "alltoall, pairwise"})
    void algorithmForcesOneAlgorithm(String benchmark, String algorithm) {
        CliRun run = CliRun.of("-n", "4", "bench", benchmark, "--algorithm", algorithm, "--max-size", "16",
                "--iterations", "2", "--warmup", "0");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().contains("# algorithm: " + algorithm + " (forced)"), run::toString);
    }

    @ParameterizedTest
    @CsvSource({"allreduce, 2", "bcast, 3", "barrier, 2"})
    void openMpiAddsItsFiguresBothWaysAndTheRatios(String benchmark, int ranks) {
        assumeTrue(OpenMpiProgram.installed(), "Open MPI (mpicc, mpirun) is not installed");
        CliRun run = CliRun.of("-n", String.valueOf(ranks), "bench", benchmark, "--max-size", "16", "--iterations", "3",
                "--warmup", "1", "--openmpi");

        assertEquals(0, run.exitCode(), run::toString);
        String heading = run.outLines().stream().filter(line -> line.startsWith("size")).findFirst().orElseThrow();
        assertEquals(List.of("size", "avg(us)", "min(us)", "max(us)", "b2b(us)", "OpenMPI(us)", "x", "OpenMPI", "OpenMPI",
                "b2b", "x", "b2b", "iterations"), List.of(heading.split("\\s+")), run::toString);
        List<String> rows = run.outLines().stream().filter(line -> Character.isDigit(line.charAt(0))).toList();
        assertTrue(!rows.isEmpty(), run::toString);
        for (String row : rows) {
            String[] cells = row.split("\\s+");
            double ranksAvg = Double.parseDouble(cells[1]);
            double openMpi = Double.parseDouble(cells[5]);
            assertTrue(openMpi > 0, row);
            // every cell is printed to 0.005; the ratio is computed before rounding, so it lies between the
            // quotients of the operands' unrounded extremes, give or take its own rounding (0.47 printed for
            // 0.465 is already 1.1%; a first-order bound fell 0.02 short once: 101.33 / 0.47 printed 217.92)
            double printed = Double.parseDouble(cells[6]);
            double lowest = (ranksAvg - 0.005) / (openMpi + 0.005) - 0.005;
            double highest = (ranksAvg + 0.005) / (openMpi - 0.005) + 0.005;
            assertTrue(lowest <= printed && printed <= highest, () -> row + ": the ratio " + printed + " is outside ["
                    + lowest + ", " + highest + "]");
            assertTrue(Double.parseDouble(cells[7]) > 0 && Double.parseDouble(cells[8]) > 0, row);
        }
        assertTrue(run.err().contains("timing bench/collectives.c under Open MPI's mpirun -np " + ranks), run::toString);
    }

    @Test
    void collForcesTheAlgorithmToo() {
        CliRun run = CliRun.of("-n", "2", "--coll", "bcast=linear", "bench", "bcast", "--max-size", "8",
                "--iterations", "2");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().contains("# algorithm: linear (forced)"), run::toString);
    }

    @Test
    void opIsNamedInTheHeader() {
        CliRun run = CliRun.of("-n", "2", "bench", "allreduce", "--op", "max", "--max-size", "8", "--iterations", "2");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().contains("# size: the bytes of each rank's vector, size / 8 doubles, reduced with max"),
                run::toString);
    }

    /** Every bad option exits 2 before a rank starts, naming the bad value and what was expected. */
    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "-n 2 bench bcast --iterations 0             | iterations 0 is invalid: expected at least 1",
        "-n 2 bench allgather --warmup -1            | warm-up iterations -1 is invalid: expected at least 0",
        "-n 2 bench alltoall --min-size 0            | min size 0 is invalid: expected at least 1 byte",
        "-n 2 bench bcast --min-size 8 --max-size 4  | max size 4 is invalid: expected from the min size 8",
        "-n 2 bench allreduce --min-size 12          | min size 12 is invalid for allreduce, which reduces doubles: "
            + "expected a multiple of 8 bytes",
        "-n 8 bench alltoall --max-size 256m         | max size 268435456 is invalid for alltoall on 8 ranks: each rank "
            + "would need a buffer of 2147483648 bytes (size x ranks); expected at most 1073741824",
        "-n 2 bench allreduce --op nonsense          | 'nonsense' is not an op for bench allreduce: expected one of "
            + "sum, prod, max, min",
        "-n 2 bench allreduce --op band              | 'band' is not an op for bench allreduce (the benchmark reduces "
            + "double arrays",
        "-n 2 bench allreduce --algorithm fastest    | unknown allreduce algorithm 'fastest': expected one of "
            + "recursive_doubling, reduce_bcast, ring, rabenseifner",
        "-n 6 bench allgather --algorithm recursive_doubling | allgather algorithm recursive_doubling requires a "
            + "power-of-two number of ranks, got -n 6",
        "-n 2 --coll allreduce=ring bench allreduce --algorithm rabenseifner | --algorithm rabenseifner conflicts "
            + "with --coll allreduce=ring: give one of them",
        "-n 2 --coll nothing=ring bench allreduce --algorithm ring | --coll: unknown collective 'nothing'",
        "-n 0 bench bcast                            | -n must be at least 1, got 0",
        "-n 2 bench alltoall --openmpi               | --openmpi: bench/collectives.c has allreduce, bcast and barrier, "
            + "not alltoall",
        "-n 2 bench allreduce --op max --openmpi     | --openmpi: bench/collectives.c reduces with sum, not max",
        "bench                                       | Missing benchmark: expected one of latency, bw, bcast, "
            + "allreduce, barrier, alltoall, allgather"})
    void badOptionsExitTwo(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertTrue(!run.err().contains("\tat "), "no stack trace\n" + run);
        assertEquals("", run.out(), run::toString);
    }
}
