package dev.ranks.topology;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.Op;
import dev.ranks.comm.Comm;
import dev.ranks.comm.Request;
import dev.ranks.comm.testkit.CommSizes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CartCommTest {
    private static final int N = Comm.PROC_NULL;

    /**
     * Grids worked out by hand, one row per rank: its coordinates, then for each dimension the
     * source and destination of {@code shift(d, 1)}, "-" for PROC_NULL.
     */
    static Stream<Arguments> grids() {
        return Stream.of(
                Arguments.of("2x2 mesh (the cookbook's)", new int[] {2, 2}, new boolean[] {false, false}, new String[] {
                    "0 0 | - 2 | - 1",
                    "0 1 | - 3 | 0 -",
                    "1 0 | 0 - | - 3",
                    "1 1 | 1 - | 2 -"}),
                Arguments.of("2x2 torus (the cookbook's)", new int[] {2, 2}, new boolean[] {true, true}, new String[] {
                    "0 0 | 2 2 | 1 1",
                    "0 1 | 3 3 | 0 0",
                    "1 0 | 0 0 | 3 3",
                    "1 1 | 1 1 | 2 2"}),
                Arguments.of("3x3 mesh", new int[] {3, 3}, new boolean[] {false, false}, new String[] {
                    "0 0 | - 3 | - 1",
                    "0 1 | - 4 | 0 2",
                    "0 2 | - 5 | 1 -",
                    "1 0 | 0 6 | - 4",
                    "1 1 | 1 7 | 3 5",
                    "1 2 | 2 8 | 4 -",
                    "2 0 | 3 - | - 7",
                    "2 1 | 4 - | 6 8",
                    "2 2 | 5 - | 7 -"}),
                Arguments.of("3x3 torus", new int[] {3, 3}, new boolean[] {true, true}, new String[] {
                    "0 0 | 6 3 | 2 1",
                    "0 1 | 7 4 | 0 2",
                    "0 2 | 8 5 | 1 0",
                    "1 0 | 0 6 | 5 4",
                    "1 1 | 1 7 | 3 5",
                    "1 2 | 2 8 | 4 3",
                    "2 0 | 3 0 | 8 7",
                    "2 1 | 4 1 | 6 8",
                    "2 2 | 5 2 | 7 6"}),
                Arguments.of("2x3x2 mesh", new int[] {2, 3, 2}, new boolean[] {false, false, false}, new String[] {
                    "0 0 0 | - 6 | - 2 | - 1",
                    "0 0 1 | - 7 | - 3 | 0 -",
                    "0 1 0 | - 8 | 0 4 | - 3",
                    "0 1 1 | - 9 | 1 5 | 2 -",
                    "0 2 0 | - 10 | 2 - | - 5",
                    "0 2 1 | - 11 | 3 - | 4 -",
                    "1 0 0 | 0 - | - 8 | - 7",
                    "1 0 1 | 1 - | - 9 | 6 -",
                    "1 1 0 | 2 - | 6 10 | - 9",
                    "1 1 1 | 3 - | 7 11 | 8 -",
                    "1 2 0 | 4 - | 8 - | - 11",
                    "1 2 1 | 5 - | 9 - | 10 -"}),
                Arguments.of("2x3x2 periodic, open, periodic", new int[] {2, 3, 2}, new boolean[] {true, false, true},
                        new String[] {
                            "0 0 0 | 6 6 | - 2 | 1 1",
                            "0 0 1 | 7 7 | - 3 | 0 0",
                            "0 1 0 | 8 8 | 0 4 | 3 3",
                            "0 1 1 | 9 9 | 1 5 | 2 2",
                            "0 2 0 | 10 10 | 2 - | 5 5",
                            "0 2 1 | 11 11 | 3 - | 4 4",
                            "1 0 0 | 0 0 | - 8 | 7 7",
                            "1 0 1 | 1 1 | - 9 | 6 6",
                            "1 1 0 | 2 2 | 6 10 | 9 9",
                            "1 1 1 | 3 3 | 7 11 | 8 8",
                            "1 2 0 | 4 4 | 8 - | 11 11",
                            "1 2 1 | 5 5 | 9 - | 10 10"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void coordsAndShiftsMatchTheHandWorkedGrid(String name, int[] dims, boolean[] periods, String[] table) {
        IntracommJobs.run(table.length, comm -> {
            CartComm grid = CartComm.create(comm, dims, periods, false);

            assertEquals(comm.size(), grid.size());
            assertEquals(comm.rank(), grid.rank(), "identity order");
            assertArrayEquals(dims, grid.dims());
            assertArrayEquals(periods, grid.periods());
            assertEquals(dims.length, grid.ndims());
            Row mine = Row.parse(table[grid.rank()]);
            assertArrayEquals(mine.coords, grid.coords());
            for (int d = 0; d < dims.length; d++) {
                ShiftResult shift = grid.shift(d, 1);
                assertEquals(new ShiftResult(mine.sources[d], mine.dests[d]), shift, "rank " + grid.rank() + " dim " + d);
            }
            for (int r = 0; r < table.length; r++) {
                assertArrayEquals(Row.parse(table[r]).coords, grid.coords(r), "coords(" + r + ")");
                assertEquals(r, grid.rankOf(Row.parse(table[r]).coords));
            }
        });
    }

    /** One row of a hand-worked grid. */
    private record Row(int[] coords, int[] sources, int[] dests) {
        static Row parse(String row) {
            String[] parts = row.split("\\|");
            int[] coords = Arrays.stream(parts[0].trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            int[] sources = new int[parts.length - 1];
            int[] dests = new int[parts.length - 1];
            for (int d = 1; d < parts.length; d++) {
                String[] pair = parts[d].trim().split(" ");
                sources[d - 1] = rank(pair[0]);
                dests[d - 1] = rank(pair[1]);
            }
            return new Row(coords, sources, dests);
        }

        private static int rank(String text) {
            return text.equals("-") ? N : Integer.parseInt(text);
        }
    }

    @ParameterizedTest
    @CommSizes
    void everyBalancedPlaneAgreesWithRowMajorArithmetic(int size) {
        int[] dims = Dims.create(size, 2);
        int rows = dims[0];
        int cols = dims[1];
        for (boolean periodic : new boolean[] {false, true}) {
            IntracommJobs.run(size, comm -> {
                CartComm grid = CartComm.create(comm, dims, new boolean[] {periodic, periodic}, true);
                int r = grid.rank();
                int row = r / cols;
                int col = r % cols;
                assertArrayEquals(new int[] {row, col}, grid.coords());
                assertEquals(new ShiftResult(at(row - 1, col, rows, cols, periodic), at(row + 1, col, rows, cols, periodic)),
                        grid.shift(0, 1));
                assertEquals(new ShiftResult(at(row, col - 1, rows, cols, periodic), at(row, col + 1, rows, cols, periodic)),
                        grid.shift(1, 1));
                for (int other = 0; other < size; other++) {
                    assertEquals(other, grid.rankOf(grid.coords(other)));
                }
            });
        }
    }

    private static int at(int row, int col, int rows, int cols, boolean periodic) {
        if (periodic) {
            return ((row + rows) % rows) * cols + (col + cols) % cols;
        }
        return row < 0 || row >= rows || col < 0 || col >= cols ? N : row * cols + col;
    }

    @Test
    void periodicCoordinatesWrapInRankOf() {
        IntracommJobs.run(9, comm -> {
            CartComm torus = CartComm.create(comm, new int[] {3, 3}, new boolean[] {true, true}, false);
            assertEquals(7, torus.rankOf(-1, 4));
            assertEquals(0, torus.rankOf(3, -3));
            assertEquals(8, torus.rankOf(-4, 302));
        });
        IntracommJobs.run(12, comm -> {
            CartComm mixed = CartComm.create(comm, new int[] {2, 3, 2}, new boolean[] {true, false, true}, false);
            assertEquals(11, mixed.rankOf(-1, 2, 3));
            assertEquals(6, mixed.rankOf(3, 0, -2));
        });
    }

    @Test
    void shiftsByMoreThanOneAndBackwards() {
        IntracommJobs.run(5, comm -> {
            CartComm ring = CartComm.create(comm, new int[] {5}, new boolean[] {true}, false);
            CartComm line = CartComm.create(comm, new int[] {5}, new boolean[] {false}, false);
            if (comm.rank() == 0) {
                assertEquals(new ShiftResult(3, 2), ring.shift(0, 2));
                assertEquals(new ShiftResult(1, 4), ring.shift(0, -1));
                assertEquals(new ShiftResult(3, 2), ring.shift(0, 7));
                assertEquals(new ShiftResult(1, 4), ring.shift(0, -6));
                assertEquals(new ShiftResult(0, 0), ring.shift(0, 0));
                assertEquals(new ShiftResult(N, 2), line.shift(0, 2));
                assertEquals(new ShiftResult(N, N), line.shift(0, Integer.MAX_VALUE));
                assertEquals(new ShiftResult(N, N), line.shift(0, Integer.MIN_VALUE));
            }
            if (comm.rank() == 1) {
                assertEquals(new ShiftResult(N, 3), line.shift(0, 2));
                assertEquals(new ShiftResult(3, N), line.shift(0, -2));
                assertEquals(new ShiftResult(2, 0), line.shift(0, -1));
                assertEquals(new ShiftResult(1, 1), line.shift(0, 0));
            }
            if (comm.rank() == 4) {
                assertEquals(new ShiftResult(2, N), line.shift(0, 2));
                assertEquals(new ShiftResult(N, N), line.shift(0, 5));
                assertEquals(new ShiftResult(0, 3), ring.shift(0, -1));
            }
        });
        IntracommJobs.run(9, comm -> {
            CartComm torus = CartComm.create(comm, new int[] {3, 3}, new boolean[] {true, true}, false);
            if (torus.rank() == 4) {
                assertEquals(new ShiftResult(5, 3), torus.shift(1, 2));
                assertEquals(new ShiftResult(7, 1), torus.shift(0, -1));
                assertEquals(new ShiftResult(3, 5), torus.shift(1, 4));
            }
        });
    }

    @Test
    void subKeepsTheChosenDimensions() {
        // In the 2x3x2 grid, rank = 6a + 2b + c; keeping (a, c) groups the ranks by b.
        Map<Integer, List<Integer>> membersByB = Map.of(
                0, List.of(0, 1, 6, 7),
                1, List.of(2, 3, 8, 9),
                2, List.of(4, 5, 10, 11));
        IntracommJobs.run(12, comm -> {
            CartComm grid = CartComm.create(comm, new int[] {2, 3, 2}, new boolean[] {true, false, false}, false);
            int[] abc = grid.coords();

            CartComm planes = grid.sub(new boolean[] {true, false, true});
            assertEquals(4, planes.size());
            assertArrayEquals(new int[] {2, 2}, planes.dims());
            assertArrayEquals(new boolean[] {true, false}, planes.periods());
            assertArrayEquals(new int[] {abc[0], abc[2]}, planes.coords());
            assertEquals(2 * abc[0] + abc[2], planes.rank());
            assertEquals(membersByB.get(abc[1]), planes.allgather(grid.rank()));
            assertEquals(new ShiftResult(planes.rankOf(abc[0] + 1, abc[2]), planes.rankOf(abc[0] + 1, abc[2])),
                    planes.shift(0, 1), "the kept dimension 0 is still periodic");

            CartComm lines = grid.sub(new boolean[] {false, true, false});
            assertEquals(3, lines.size());
            assertArrayEquals(new int[] {3}, lines.dims());
            assertArrayEquals(new int[] {abc[1]}, lines.coords());
            List<Integer> expected = List.of(6 * abc[0] + abc[2], 6 * abc[0] + 2 + abc[2], 6 * abc[0] + 4 + abc[2]);
            assertEquals(expected, lines.allgather(grid.rank()));

            CartComm alone = grid.sub(new boolean[] {false, false, false});
            assertEquals(1, alone.size());
            assertEquals(0, alone.ndims());
            assertArrayEquals(new int[0], alone.coords());
            assertEquals(0, alone.rankOf());
            assertEquals(0, alone.inDegree());
        });
    }

    @ParameterizedTest
    @CommSizes({1, 2, 5, 7, 10})
    void ranksBeyondTheGridGetNull(int size) {
        int cells = (size + 1) / 2;
        IntracommJobs.run(size, comm -> {
            CartComm line = CartComm.create(comm, new int[] {cells}, new boolean[] {false}, false);
            if (comm.rank() < cells) {
                assertNotNull(line);
                assertEquals(cells, line.size());
                assertEquals(comm.rank(), line.rank());
                assertEquals(cells * (cells - 1) / 2, (int) line.allreduce(line.rank(), Op.SUM));
            } else {
                assertNull(line);
            }
            assertEquals(size * (size - 1) / 2, (int) comm.allreduce(comm.rank(), Op.SUM), "the parent still works");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 6})
    void dupKeepsTheGridOnContextsOfItsOwn(int size) {
        IntracommJobs.run(size, comm -> {
            int[] dims = Dims.create(size, 2);
            CartComm grid = CartComm.create(comm, dims, new boolean[] {true, false}, false);
            CartComm copy = grid.dup();
            assertArrayEquals(grid.dims(), copy.dims());
            assertArrayEquals(grid.periods(), copy.periods());
            assertArrayEquals(grid.coords(), copy.coords());
            assertArrayEquals(grid.inNeighbors(), copy.inNeighbors());
            int right = grid.shift(1, 1).dest();
            int left = grid.shift(1, 1).source();
            // The same tag on both: a message on one communicator must not match a receive on the other.
            Request first = grid.isend("grid", right, 3);
            Request second = copy.isend("copy", right, 3);
            assertEquals(left == N ? null : "copy", copy.recv(left, 3));
            assertEquals(left == N ? null : "grid", grid.recv(left, 3));
            Request.waitAll(first, second);
            assertTrue(copy.toString().startsWith("CartComm("), copy::toString);
        });
    }
}
