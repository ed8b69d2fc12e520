package dev.ranks.workloads.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.JobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CartTest {
    private static List<String> run(int size, boolean periodic) {
        Output out = new Output();
        JobResult result = Intracomm.run(size, comm -> Cart.run(comm, periodic, out.writer()));
        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return out.lines();
    }

    private static String line(int rank, int row, int column, int up, int down, int left, int right) {
        return "Process = " + rank + " row = " + row + " column = " + column + " ----> neighbour_processes[UP] = " + up
                + " neighbour_processes[DOWN] = " + down + " neighbour_processes[LEFT] =" + left
                + " neighbour_processes[RIGHT]=" + right;
    }

    @Test
    void theCookbooksMeshOnFourRanks() {
        List<String> lines = run(4, false);

        assertEquals("Building a 2 x 2 grid topology:", lines.get(0), () -> "lines: " + lines);
        assertEquals(Set.of(
                line(0, 0, 0, -1, 2, -1, 1),
                line(1, 0, 1, -1, 3, 0, -1),
                line(2, 1, 0, 0, -1, -1, 3),
                line(3, 1, 1, 1, -1, 2, -1)), Set.copyOf(lines.subList(1, lines.size())));
        assertEquals(5, lines.size(), () -> "lines: " + lines);
    }

    @Test
    void theCookbooksTorusOnFourRanks() {
        List<String> lines = run(4, true);

        assertEquals("Building a 2 x 2 grid topology:", lines.get(0), () -> "lines: " + lines);
        assertEquals(Set.of(
                line(0, 0, 0, 2, 2, 1, 1),
                line(1, 0, 1, 3, 3, 0, 0),
                line(2, 1, 0, 0, 0, 3, 3),
                line(3, 1, 1, 1, 1, 2, 2)), Set.copyOf(lines.subList(1, lines.size())));
        assertEquals(5, lines.size(), () -> "lines: " + lines);
    }

    @Test
    void nineRanksMakeAThreeByThreeMesh() {
        List<String> lines = run(9, false);

        assertEquals("Building a 3 x 3 grid topology:", lines.get(0));
        assertEquals(Set.of(
                line(0, 0, 0, -1, 3, -1, 1),
                line(1, 0, 1, -1, 4, 0, 2),
                line(2, 0, 2, -1, 5, 1, -1),
                line(3, 1, 0, 0, 6, -1, 4),
                line(4, 1, 1, 1, 7, 3, 5),
                line(5, 1, 2, 2, 8, 4, -1),
                line(6, 2, 0, 3, -1, -1, 7),
                line(7, 2, 1, 4, -1, 6, 8),
                line(8, 2, 2, 5, -1, 7, -1)), Set.copyOf(lines.subList(1, lines.size())));
    }

    @ParameterizedTest(name = "{0} ranks, periodic {1}: {2} x {3}")
    @CsvSource({"1, false, 1, 1", "1, true, 1, 1", "2, false, 2, 1", "3, true, 3, 1", "6, false, 3, 2",
        "6, true, 3, 2", "7, false, 7, 1", "8, true, 4, 2", "12, false, 4, 3"})
    void everySizeGetsABalancedGridAndOneLinePerRank(int size, boolean periodic, int rows, int columns) {
        List<String> lines = run(size, periodic);

        assertEquals("Building a " + rows + " x " + columns + " grid topology:", lines.get(0));
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            int row = r / columns;
            int column = r % columns;
            expected.add(line(r, row, column,
                    neighbour(row - 1, column, rows, columns, periodic), neighbour(row + 1, column, rows, columns, periodic),
                    neighbour(row, column - 1, rows, columns, periodic), neighbour(row, column + 1, rows, columns, periodic)));
        }
        assertEquals(Set.copyOf(expected), Set.copyOf(lines.subList(1, lines.size())));
        assertEquals(size + 1, lines.size(), () -> "lines: " + lines);
    }

    private static int neighbour(int row, int column, int rows, int columns, boolean periodic) {
        if (periodic) {
            return Math.floorMod(row, rows) * columns + Math.floorMod(column, columns);
        }
        return row < 0 || row >= rows || column < 0 || column >= columns ? -1 : row * columns + column;
    }
}
