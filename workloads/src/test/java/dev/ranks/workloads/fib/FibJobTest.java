package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class FibJobTest {
    /** Small and mid-sized inputs, out of order, with repeats. */
    private static final List<Integer> INPUTS = List.of(20_000, 0, 1, 2, 93, 1000, 7, 30_000, 1000, 5000, 12_345,
            100, 0, 25_000, 2, 17, 8000, 30_000, 3, 29_999, 4);

    private static final List<FibArithmetic> ARITHMETICS = List.of(JavaArithmetic.INSTANCE,
            GmpArithmetic.load().orElseThrow(() -> new AssertionError("GMP does not load: " + GmpArithmetic.problem())));

    @ParameterizedTest
    @CommSizes
    void resultsAreTheSingleRankResultsInInputOrder(int size) {
        FibReport single = run(1, INPUTS, false, JavaArithmetic.INSTANCE);
        for (FibArithmetic arithmetic : ARITHMETICS) {
            FibReport report = run(size, INPUTS, false, arithmetic);

            assertEquals(arithmetic.name(), report.arithmetic());
            assertEquals(INPUTS, report.results().stream().map(FibResult::n).toList());
            assertEquals(single.results().stream().map(FibResult::decimal).toList(),
                    report.results().stream().map(FibResult::decimal).toList(), arithmetic::name);
            assertEquals(INPUTS.stream().distinct().count(), report.distinct());
            assertEquals(INPUTS.size(), report.results().size());
        }
    }

    @ParameterizedTest
    @CommSizes
    void everyDistinctInputIsComputedOnceByTheRankThePartitionChose(int size) {
        FibArithmetic arithmetic = ARITHMETICS.get(size % 2);
        FibReport report = run(size, INPUTS, false, arithmetic);

        Partition partition = Partition.lpt(INPUTS, size, CostModel.of(false, arithmetic.name()));
        for (FibResult result : report.results()) {
            assertTrue(result.rank() >= 0 && result.rank() < size, result::toString);
            assertTrue(partition.assignments().get(result.rank()).contains(result.n()), result::toString);
        }
        assertEquals(size, report.loads().size());
        for (int rank = 0; rank < size; rank++) {
            RankLoad load = report.loads().get(rank);
            assertEquals(rank, load.rank());
            assertEquals(partition.assignments().get(rank).size(), load.inputs());
            assertEquals(partition.predictedMillis().get(rank), load.predictedMillis(), 1e-9);
            assertTrue(load.busyMillis() >= 0, load::toString);
        }
        assertEquals(report.distinct(), report.loads().stream().mapToInt(RankLoad::inputs).sum());
        // A repeated input is one computation, so every occurrence reports the same one.
        assertEquals(report.distinct(), report.results().stream().distinct().count());
        assertTrue(report.wallMillis() > 0);
        assertTrue(report.imbalance() >= 1, report::summary);
    }

    @ParameterizedTest
    @CommSizes({1, 3, 4})
    void fullValuesAreWrittenOutByTheRanks(int size) {
        for (FibArithmetic arithmetic : ARITHMETICS) {
            FibReport report = run(size, INPUTS, true, arithmetic);

            for (FibResult result : report.results()) {
                String expected = FastDoubling.fib(result.n()).toString();
                assertEquals(expected, result.value(), () -> arithmetic.name() + ": F(" + result.n() + ")");
                assertEquals(DecimalSummary.of(expected, FibJob.SHOWN_DIGITS), result.decimal());
            }
        }
    }

    @Test
    void knownValuesComeBackExact() {
        for (FibArithmetic arithmetic : ARITHMETICS) {
            FibReport report = run(3, List.of(1000, 93, 94, 0, 1, 2, 1_000_000), false, arithmetic);

            var byInput = report.results().stream().collect(Collectors.toMap(FibResult::n, Function.identity()));
            assertEquals(new DecimalSummary(209, "4346655768", "6849228875"), byInput.get(1000).decimal());
            assertEquals("12200160415121876738", byInput.get(93).decimal().abbreviated());
            assertEquals("19740274219868223167", byInput.get(94).decimal().abbreviated());
            assertEquals(BigInteger.ZERO.toString(), byInput.get(0).decimal().abbreviated());
            assertEquals("1", byInput.get(1).decimal().abbreviated());
            assertEquals("1", byInput.get(2).decimal().abbreviated());
            assertEquals(new DecimalSummary(208_988, "1953282128", "8242546875"), byInput.get(1_000_000).decimal());
        }
    }

    @Test
    void withoutArgumentsTheArithmeticIsAutosChoice() {
        FibReport report = run(2, List.of(10, 20), false);

        assertEquals(FibArithmetic.choose(FibArithmetic.AUTO).name(), report.arithmetic());
    }

    @Test
    void onlyTheRootGetsAReport() {
        AtomicReference<Throwable> wrong = new AtomicReference<>();
        Jobs.run(4, Settings.defaults(), comm -> {
            FibReport report = FibJob.run((Intracomm) comm, List.of(5, 6), false);
            if ((comm.rank() == FibJob.ROOT) != (report != null)) {
                wrong.set(new AssertionError("rank " + comm.rank() + " got report " + report));
            }
        }, Intracomm.binder());

        assertNull(wrong.get());
    }

    @Test
    void noInputsFailTheRootNamingTheProblem() {
        JobResult result = Jobs.result(3, Settings.defaults(),
                comm -> FibJob.run((Intracomm) comm, List.of(), false), Intracomm.binder(), Jobs.TIMEOUT);

        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(FibJob.ROOT, result.rank());
        RanksException cause = (RanksException) result.cause();
        assertEquals(ErrorClass.ARG, cause.errorClass());
        assertTrue(cause.getMessage().startsWith("no inputs"), cause::getMessage);
    }

    private static FibReport run(int size, List<Integer> inputs, boolean fullValues, FibArithmetic arithmetic) {
        AtomicReference<FibReport> root = new AtomicReference<>();
        Jobs.run(size, Settings.defaults(), comm -> {
            FibReport report = FibJob.run((Intracomm) comm, inputs, fullValues, arithmetic, () -> { });
            if (comm.rank() == FibJob.ROOT) {
                root.set(report);
            }
        }, Intracomm.binder());
        assertNotNull(root.get());
        return root.get();
    }

    private static FibReport run(int size, List<Integer> inputs, boolean fullValues) {
        AtomicReference<FibReport> root = new AtomicReference<>();
        Jobs.run(size, Settings.defaults(), comm -> {
            FibReport report = FibJob.run((Intracomm) comm, inputs, fullValues);
            if (comm.rank() == FibJob.ROOT) {
                root.set(report);
            }
        }, Intracomm.binder());
        assertNotNull(root.get());
        return root.get();
    }
}
