import dev.ranks.workloads.fib.FibArithmetic;
import dev.ranks.workloads.fib.FibJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One core, warm: the time one rank's work takes for a batch of inputs, F(n) and its decimal summary
 * as {@code launcher fib} computes them, in each arithmetic; bench/fib_warm.py is gmpy2's side.
 * Prints one median per arithmetic, of RUNS rounds after a second of warm-up (five rounds at least). Run from the
 * repository root with the launcher's jar on the class path:
 * {@code java -cp launcher/target/launcher.jar bench/FibWarm.java INPUTS_FILE [RUNS [gmp|java]...]}
 * (both arithmetics unless named).
 */
public final class FibWarm {
    private FibWarm() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> inputs = Arrays.stream(Files.readString(Path.of(args[0])).trim().split("\\s+"))
                .map(Integer::valueOf).toList();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        List<String> choices = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of(FibArithmetic.GMP, FibArithmetic.JAVA);
        for (String choice : choices) {
            FibArithmetic arithmetic = FibArithmetic.choose(choice);
            // Warm-up: five rounds, and a second at least, for the JIT and for the C allocator, whose
            // threshold for mapping large blocks afresh rises only as it frees them.
            long warmUntil = System.nanoTime() + 1_000_000_000L;
            for (int round = 0; round < 5 || System.nanoTime() < warmUntil; round++) {
                round(arithmetic, inputs);
            }
            double[] millis = new double[runs];
            for (int round = 0; round < runs; round++) {
                millis[round] = round(arithmetic, inputs);
            }
            Arrays.sort(millis);
            System.out.printf("ranks-%s %.2f%n", choice, millis[runs / 2]);
        }
    }

    private static double round(FibArithmetic arithmetic, List<Integer> inputs) {
        long start = System.nanoTime();
        for (int n : inputs) {
            arithmetic.summary(n, FibJob.SHOWN_DIGITS);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
