package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReduceCommandTest {
    @Test
    void onNineRanksTheSumIsFortyFiveTimesI() {
        CliRun run = CliRun.of("-n", "9", "reduce");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("on task 0, after Reduce: data = [0, 45, 90, 135, 180, 225, 270, 315, 360, 405]"),
                run.outLines().stream().filter(line -> line.startsWith("on task")).toList(), run::toString);
        assertTrue(run.outLines().contains("process 8 sending [0, 9, 18, 27, 36, 45, 54, 63, 72, 81]"), run::toString);
        assertEquals(10, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "max  | [0, 3, 6, 9, 12, 15, 18, 21, 24, 27]",
        "MIN  | [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]",
        "Prod | [0, 6, 48, 162, 384, 750, 1296, 2058, 3072, 4374]"})
    void opChoosesTheOperationIgnoringCase(String op, String data) {
        CliRun run = CliRun.of("-n", "3", "reduce", "--op", op);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("on task 0, after Reduce: data = " + data),
                run.outLines().stream().filter(line -> line.startsWith("on task")).toList(), run::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nonsense | 'nonsense' is not an op for reduce: expected one of sum, prod, max, min, land, lor, lxor, band, bor, bxor",
        "maxloc   | 'maxloc' is not an op for reduce (maxloc and minloc read (value, index) pairs, which this recipe "
            + "does not send): expected one of sum,"})
    void anUnknownOpIsNamedWithTheChoices(String op, String message) {
        CliRun run = CliRun.of("-n", "3", "reduce", "--op", op);

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Invalid value for option '--op': " + message), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}
