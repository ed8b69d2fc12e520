package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.ranks.workloads.fib.FibInputs;
import dev.ranks.workloads.fib.GmpArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FibCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "fib: (\\d+) inputs \\((\\d+) distinct\\) on (\\d+) ranks, (gmp|java) arithmetic, wall [0-9.]+ ms, busy max [0-9.]+ ms,"
                    + " mean [0-9.]+ ms, imbalance [0-9.]+ \\(max/mean busy\\)");
    private static final Pattern JSON_RESULT = Pattern.compile(
            "\\{\"n\":(\\d+),\"digits\":(\\d+),\"first\":\"(\\d{1,10})\",\"last\":\"(\\d{1,10})\",\"rank\":(\\d+),"
                    + "\"ms\":\\d+\\.\\d{3}}");
    private static final Pattern JSON_SUMMARY = Pattern.compile(
            "\\{\"summary\":\\{\"inputs\":(\\d+),\"distinct\":(\\d+),\"ranks\":(\\d+),\"wall_ms\":[0-9.]+,"
                    + "\"imbalance\":[0-9.]+,\"busy_ms\":\\[[0-9.,]+],\"predicted_ms\":\\[[0-9.,]+],\"arith\":\"(gmp|java)\"}}");

    @TempDir
    Path dir;

    @Test
    void theDefaultBatchRunsOnNineRanks() {
        CliRun run = CliRun.of("-n", "9", "fib");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("fib: computing 48 inputs, the largest 1000000...\n", run.err(), run::toString);
        List<String> lines = run.outLines();
        assertEquals("n  digits  rank         ms  value", lines.get(0).strip(), run::toString);
        assertTrue(lines.stream().anyMatch(line -> line.matches("\\s*1000000\\s+208988\\s+[0-8]\\s+[0-9.]+"
                + "\\s+1953282128…8242546875")), run::toString);
        for (int rank = 0; rank < 9; rank++) {
            String prefix = "rank " + rank + ": ";
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(prefix)), run::toString);
        }
        var summary = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertTrue(summary.matches(), run::toString);
        assertEquals("48", summary.group(1));
        assertEquals("9", summary.group(3));
        // GMP loads wherever bin/test ran (it installs libgmp10), and auto picks it
        assertEquals("gmp", summary.group(4), run::toString);
    }

    @Test
    void bothArithmeticsPrintTheSameResults() {
        String[] inputs = {"0", "1", "2", "93", "94", "1000", "123456", "1000000"};
        List<List<String>> rows = new ArrayList<>();
        for (String arith : List.of("java", "gmp")) {
            List<String> args = new ArrayList<>(List.of("-n", "3", "fib", "--json", "--arith", arith));
            args.addAll(List.of(inputs));
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertEquals(0, run.exitCode(), run::toString);
            var summary = JSON_SUMMARY.matcher(run.outLines().get(inputs.length));
            assertTrue(summary.matches(), run::toString);
            assertEquals(arith, summary.group(4), run::toString);
            assertTrue(run.outLines().get(inputs.length).endsWith(",\"arith\":\"" + arith + "\"}}"), run::toString);
            rows.add(run.outLines().subList(0, inputs.length).stream().map(JSON_RESULT::matcher)
                    .peek(m -> assertTrue(m.matches(), run::toString))
                    .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4)).toList());
        }

        assertEquals(rows.get(0), rows.get(1));
        assertEquals("1000000 208988 1953282128 8242546875", rows.get(1).get(7));
        assertEquals("94 20 1974027421 9868223167", rows.get(1).get(4));
    }

    @Test
    void withoutGmpAutoFallsBackToBigIntegerAndSaysSo() {
        String saved = System.getProperty(GmpArithmetic.LIBRARY_PROPERTY);
        System.setProperty(GmpArithmetic.LIBRARY_PROPERTY, "libranks-no-such-gmp.so.10");
        try {
            CliRun auto = CliRun.of("-n", "2", "fib", "100", "93");
            CliRun gmp = CliRun.of("-n", "2", "fib", "--arith", "gmp", "100");

            assertEquals(0, auto.exitCode(), auto::toString);
            assertTrue(auto.err().startsWith("fib: GMP is unavailable (libranks-no-such-gmp.so.10 does not load: "),
                    auto::toString);
            assertTrue(auto.err().contains("): computing with BigInteger; install libgmp10 for GMP\n"), auto::toString);
            var summary = SUMMARY.matcher(auto.outLines().get(auto.outLines().size() - 1));
            assertTrue(summary.matches(), auto::toString);
            assertEquals("java", summary.group(4));
            assertTrue(auto.outLines().get(1).matches("100\\s+21\\s+[01]\\s+[0-9.]+\\s+3542248481…9261915075"),
                    auto::toString);
            assertEquals(ExitCodes.USAGE, gmp.exitCode(), gmp::toString);
            assertTrue(gmp.err().startsWith("--arith gmp: GMP is unavailable (libranks-no-such-gmp.so.10"), gmp::toString);
            assertTrue(gmp.err().contains("install libgmp10 (Debian: sudo apt-get install libgmp10)"), gmp::toString);
            assertEquals("", gmp.out(), gmp::toString);
        } finally {
            if (saved == null) {
                System.clearProperty(GmpArithmetic.LIBRARY_PROPERTY);
            } else {
                System.setProperty(GmpArithmetic.LIBRARY_PROPERTY, saved);
            }
        }
    }

    @Test
    void printInputsWritesTheBatchAndComputesNothing() {
        CliRun defaults = CliRun.of("fib", "--print-inputs");
        CliRun random = CliRun.of("fib", "--print-inputs", "7", "--random", "3", "--max", "50", "--seed", "9");

        assertEquals(0, defaults.exitCode(), defaults::toString);
        assertEquals(FibInputs.defaults().stream().map(String::valueOf).toList(), defaults.outLines());
        assertEquals("", defaults.err(), defaults::toString);
        assertEquals(0, random.exitCode(), random::toString);
        List<String> expected = new ArrayList<>(List.of("7"));
        FibInputs.random(3, 50, 9).forEach(n -> expected.add(String.valueOf(n)));
        assertEquals(expected, random.outLines());
    }

    @Test
    void inputsAreReportedInOrderWithRepeats() {
        CliRun run = CliRun.of("-n", "3", "fib", "1000", "93", "0", "1000");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> rows = run.outLines().subList(1, 5);
        assertTrue(rows.get(0).matches("1000\\s+209\\s+[0-2]\\s+[0-9.]+\\s+4346655768…6849228875"), run::toString);
        assertTrue(rows.get(1).matches("\\s*93\\s+20\\s+[0-2]\\s+[0-9.]+\\s+12200160415121876738"), run::toString);
        assertTrue(rows.get(2).matches("\\s*0\\s+1\\s+[0-2]\\s+[0-9.]+\\s+0"), run::toString);
        assertEquals(rows.get(0), rows.get(3));
        assertTrue(run.out().contains("fib: 4 inputs (3 distinct) on 3 ranks"), run::toString);
    }

    @Test
    void fullPrintsWholeValues() {
        CliRun run = CliRun.of("-n", "2", "fib", "--full", "100", "10");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(1).matches("100\\s+21\\s+[01]\\s+[0-9.]+\\s+354224848179261915075"),
                run::toString);
        assertTrue(run.outLines().get(2).matches("\\s*10\\s+2\\s+[01]\\s+[0-9.]+\\s+55"), run::toString);
    }

    @Test
    void jsonLinesParse() {
        CliRun run = CliRun.of("-n", "4", "fib", "--json", "1000", "5", "20000", "5");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(5, lines.size(), run::toString);
        List<String> ns = List.of("1000", "5", "20000", "5");
        for (int i = 0; i < ns.size(); i++) {
            var result = JSON_RESULT.matcher(lines.get(i));
            assertTrue(result.matches(), lines.get(i));
            assertEquals(ns.get(i), result.group(1));
            assertTrue(Integer.parseInt(result.group(5)) < 4, lines.get(i));
        }
        var first = JSON_RESULT.matcher(lines.get(0));
        assertTrue(first.matches());
        assertEquals(List.of("209", "4346655768", "6849228875"), List.of(first.group(2), first.group(3), first.group(4)));
        var summary = JSON_SUMMARY.matcher(lines.get(4));
        assertTrue(summary.matches(), lines.get(4));
        assertEquals(List.of("4", "3", "4"), List.of(summary.group(1), summary.group(2), summary.group(3)));
    }

    @Test
    void jsonWithFullCarriesTheValue() {
        CliRun run = CliRun.of("-n", "2", "fib", "--json", "--full", "100");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).matches(
                "\\{\"n\":100,\"digits\":21,\"value\":\"354224848179261915075\",\"rank\":[01],\"ms\":[0-9.]+}"),
                run::toString);
    }

    @Test
    void inputsFileAndRandomAddToTheCommandLineInputs() throws IOException {
        Path file = Files.writeString(dir.resolve("inputs.txt"), "# two inputs\n30, 40\n");

        CliRun run = CliRun.of("-n", "2", "fib", "--json", "10", "--inputs", file.toString(),
                "--random", "3", "--max", "50", "--seed", "9");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> ns = run.outLines().stream().limit(6).map(JSON_RESULT::matcher)
                .filter(Matcher::matches).map(m -> m.group(1)).toList();
        assertEquals(List.of("10", "30", "40"), ns.subList(0, 3), run::toString);
        assertEquals(6, ns.size(), run::toString);
        assertTrue(ns.subList(3, 6).stream().allMatch(n -> Integer.parseInt(n) <= 50), run::toString);
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "fib 10 abc                      | input 'abc' is not a non-negative integer",
        "fib -- -5                       | input '-5' is not a non-negative integer",
        "fib 100000001                   | input '100000001' is too large: expected at most 100000000",
        "fib --random 0                  | --random 0 is invalid: expected a count from 1 to 1000000",
        "fib --random 5 --max -1         | --max -1 is invalid: expected from 0 to 100000000",
        "fib --random x                  | Invalid value for option '--random': 'x' is not an int",
        "fib --max 10                    | --max is given without --random",
        "fib --seed 3                    | --seed is given without --random",
        "fib --inputs /no/such/file.txt  | inputs file '/no/such/file.txt' does not exist",
        "fib -5                          | input '-5' is not a non-negative integer",
        "fib --arith fast 10             | --arith 'fast' is invalid: expected auto, gmp or java",
        "fib --arith gmp --engine threads 10 | --arith is given with --engine: expected one of them"})
    void badInputExitsTwoNamingIt(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void aBadFileLineIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "1 2 3\n\n4 five 6\n");

        CliRun run = CliRun.of("fib", "--inputs", file.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("inputs file '" + file + "' line 3: 'five' is not a non-negative integer"),
                run::toString);
    }
}
