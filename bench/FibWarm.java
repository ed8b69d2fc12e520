import dev.ranks.workloads.fib.FibArithmetic;
import dev.ranks.workloads.fib.FibJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One core, warm: the time one rank's work takes for a batch of inputs, F(n) and its decimal summary
 * as {@code launcher fib} computes them, in each arithmetic; bench/fib_warm.py is gmpy2's side.
 * Prints one median per arithmetic, of RUNS rounds after five rounds of warm-up. Run from the
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
            double[] millis = new double[runs];
            for (int round = -5; round < runs; round++) {
                long start = System.nanoTime();
                for (int n : inputs) {
                    arithmetic.summary(n, FibJob.SHOWN_DIGITS);
                }
                if (round >= 0) {
                    millis[round] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            System.out.printf("ranks-%s %.2f%n", choice, millis[runs / 2]);
        }
    }
}
