package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FibInputsTest {
    @TempDir
    Path dir;

    @Test
    void parsesWords() {
        assertEquals(List.of(0, 10, 7, 100_000_000), FibInputs.parse(List.of("0", "10", "007", "100000000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "1.5", "1e6", "+3", "", " 4", "0x10", "12a"})
    void rejectsWordsThatAreNotNonNegativeIntegers(String token) {
        assertUsage("input '" + token + "' is not a non-negative integer",
                () -> FibInputs.parse(List.of("10", token, "20")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000001", "2147483648", "99999999999999999999999"})
    void rejectsInputsAboveTheLimit(String token) {
        assertUsage("input '" + token + "' is too large: expected at most 100000000",
                () -> FibInputs.parse(List.of(token)));
    }

    @Test
    void readsAFileWithCommentsBlankLinesAndSeparators() throws IOException {
        Path file = Files.writeString(dir.resolve("inputs.txt"), String.join("\n",
                "# the inputs",
                "",
                "1 2,3",
                "  4 ,  5\t6   # trailing comment",
                "#7",
                "1000000,",
                ""));

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 1_000_000), FibInputs.read(file));
    }

    @Test
    void aBadFileTokenNamesTheFileAndTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "1 2\n# ok\n3, x7, 4\n");

        assertUsage("inputs file '" + file + "' line 3: 'x7' is not a non-negative integer", () -> FibInputs.read(file));
    }

    @Test
    void aNegativeFileTokenIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("negative.txt"), "-3\n");

        assertUsage("inputs file '" + file + "' line 1: '-3' is not a non-negative integer",
                () -> FibInputs.read(file));
    }

    @Test
    void aMissingOrEmptyFileIsRejected() throws IOException {
        Path missing = dir.resolve("missing.txt");
        assertUsage("inputs file '" + missing + "' does not exist", () -> FibInputs.read(missing));

        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n\n");
        assertUsage("inputs file '" + empty + "' holds no inputs", () -> FibInputs.read(empty));
    }

    @Test
    void randomBatchesRepeatWithTheirSeedAndStayInRange() {
        List<Integer> batch = FibInputs.random(1000, 50, 7);

        assertEquals(1000, batch.size());
        assertTrue(batch.stream().allMatch(n -> n >= 0 && n <= 50), batch::toString);
        assertTrue(batch.contains(0) && batch.contains(50), "both ends are drawn");
        assertEquals(batch, FibInputs.random(1000, 50, 7));
        assertNotEquals(batch, FibInputs.random(1000, 50, 8));
    }

    @Test
    void randomOptionsAreChecked() {
        assertUsage("--random 0 is invalid", () -> FibInputs.random(0, 10, 1));
        assertUsage("--random -4 is invalid", () -> FibInputs.random(-4, 10, 1));
        assertUsage("--random 1000001 is invalid", () -> FibInputs.random(1_000_001, 10, 1));
        assertUsage("--max -1 is invalid", () -> FibInputs.random(5, -1, 1));
        assertUsage("--max 100000001 is invalid", () -> FibInputs.random(5, 100_000_001, 1));
    }

    @Test
    void theDefaultBatchMixesSmallAndLargeUpToAMillion() {
        List<Integer> batch = FibInputs.defaults();

        assertEquals(List.of(0, 1, 2, 10, 93, 100, 1000, 10_000, 25_000), batch.subList(0, 9));
        assertEquals(1_000_000, batch.get(batch.size() - 1));
        assertEquals(batch.size(), batch.stream().distinct().count());
    }

    private static void assertUsage(String expectedStart, Executable parse) {
        RanksException e = assertThrows(RanksException.class, parse);
        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertTrue(e.getMessage().startsWith(expectedStart), () -> "expected '" + expectedStart + "…', got '"
                + e.getMessage() + "'");
    }
}
