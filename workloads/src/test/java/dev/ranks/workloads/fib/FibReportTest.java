package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FibReportTest {
    private static final FibResult F1000 = new FibResult(1000, new DecimalSummary(209, "4346655768", "6849228875"),
            "", 1, 0.25);
    private static final FibResult F10 = new FibResult(10, new DecimalSummary(2, "55", "55"), "", 0, 0.0125);
    private static final FibReport REPORT = new FibReport(List.of(F10, F1000, F10),
            List.of(new RankLoad(0, 1, 0.02, 0.0125), new RankLoad(1, 1, 0.3, 0.25)), 2, 1.5);

    @Test
    void textIsATableThenRankLoadsThenTheSummary() {
        assertEquals(List.of(
                   "   n  digits  rank         ms  value",
                   "  10       2     0      0.013  55",
                   "1000     209     1      0.250  4346655768…6849228875",
                   "  10       2     0      0.013  55",
                   "rank 0: 1 inputs, predicted 0.0 ms, busy 0.0 ms",
                   "rank 1: 1 inputs, predicted 0.3 ms, busy 0.3 ms",
                   "fib: 3 inputs (2 distinct) on 2 ranks, java arithmetic, wall 1.5 ms, busy max 0.3 ms, mean 0.1 ms,"
                           + " imbalance 1.90 (max/mean busy)"),
                printed(REPORT::printText));
    }

    @Test
    void jsonIsOneObjectPerInputThenASummary() {
        assertEquals(List.of(
                "{\"n\":10,\"digits\":2,\"first\":\"55\",\"last\":\"55\",\"rank\":0,\"ms\":0.013}",
                "{\"n\":1000,\"digits\":209,\"first\":\"4346655768\",\"last\":\"6849228875\",\"rank\":1,\"ms\":0.250}",
                "{\"n\":10,\"digits\":2,\"first\":\"55\",\"last\":\"55\",\"rank\":0,\"ms\":0.013}",
                "{\"summary\":{\"inputs\":3,\"distinct\":2,\"ranks\":2,\"wall_ms\":1.500,\"imbalance\":1.905,"
                        + "\"busy_ms\":[0.013,0.250],\"predicted_ms\":[0.020,0.300],\"arith\":\"java\"}}"),
                printed(REPORT::printJson));
    }

    @Test
    void wholeValuesReplaceTheFirstAndLastDigits() {
        String f100 = "354224848179261915075";
        FibResult full = new FibResult(100, DecimalSummary.of(f100, 10), f100, 0, 0.5);
        FibReport report = new FibReport(List.of(full), List.of(new RankLoad(0, 1, 0.5, 0.5)), 1, 0.75);

        assertEquals("100      21     0      0.500  " + f100, printed(report::printText).get(1));
        assertEquals("{\"n\":100,\"digits\":21,\"value\":\"" + f100 + "\",\"rank\":0,\"ms\":0.500}",
                printed(report::printJson).get(0));
    }

    @Test
    void anEnginesReportCallsItsWorkersWorkers() {
        FibReport report = new FibReport(List.of(F1000), List.of(new RankLoad(0, 1, 0.3, 0.25),
                new RankLoad(1, 0, 0, 0)), 1, 1, "worker");
        List<String> text = printed(report::printText);
        assertEquals("   n  digits  worker         ms  value", text.get(0));
        assertEquals("worker 1: 0 inputs, predicted 0.0 ms, busy 0.0 ms", text.get(3));
        assertTrue(text.get(4).startsWith("fib: 1 inputs (1 distinct) on 2 workers, "), text.get(4));
        List<String> json = printed(report::printJson);
        assertTrue(json.get(0).contains(",\"worker\":1,"), json.get(0));
        assertTrue(json.get(1).startsWith("{\"summary\":{\"inputs\":1,\"distinct\":1,\"workers\":2,"), json.get(1));
    }

    @Test
    void theArithmeticIsNamedInTheSummaryAndTheJson() {
        FibReport report = new FibReport(List.of(F1000), List.of(new RankLoad(0, 1, 0.3, 0.25)), 1, 1, "rank",
                "gmp");

        assertTrue(report.summary().startsWith("fib: 1 inputs (1 distinct) on 1 ranks, gmp arithmetic, wall "),
                report::summary);
        assertTrue(printed(report::printJson).get(1).endsWith(",\"arith\":\"gmp\"}}"));
        assertThrows(IllegalArgumentException.class, () -> new FibReport(List.of(F1000), List.of(), 1, 1, "rank",
                "GMP!"));
    }

    @Test
    void idleRanksCountInTheImbalance() {
        FibReport report = new FibReport(List.of(F1000), List.of(new RankLoad(0, 1, 0.3, 0.25),
                new RankLoad(1, 0, 0, 0), new RankLoad(2, 0, 0, 0)), 1, 1);

        assertEquals(3.0, report.imbalance(), 1e-12);
    }

    private static List<String> printed(Consumer<PrintWriter> print) {
        StringWriter text = new StringWriter();
        print.accept(new PrintWriter(text));
        return text.toString().lines().toList();
    }
}
