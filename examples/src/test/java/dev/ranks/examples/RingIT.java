package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Ring} as a user runs it: {@code bin/launcher -n N run --class-path ranks-examples.jar
 * dev.ranks.examples.Ring LAPS} on the local device. Every hop prints what arrived, and the token comes
 * back to rank 0 as LAPS·N(N−1)/2.
 */
class RingIT {
    private static final Path ROOT = Path.of(System.getProperty("ranks.root", "..")).toAbsolutePath().normalize();
    private static final String JAR = ROOT.resolve("examples/target/ranks-examples.jar").toString();

    @TempDir
    Path cwd;

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "3, 1", "5, 2", "8, 3"})
    void everyHopAndTheTokenThatComesBack(int ranks, int laps) throws Exception {
        Run run = launcher("-n", Integer.toString(ranks), "run", "--class-path", JAR, "dev.ranks.examples.Ring",
                Integer.toString(laps));

        assertEquals(0, run.exitCode(), run::toString);
        List<String> expected = new ArrayList<>();
        int token = 0;
        for (int lap = 1; lap <= laps; lap++) {
            for (int hop = 1; hop <= ranks; hop++) {
                int rank = hop % ranks;
                int left = (rank - 1 + ranks) % ranks;
                expected.add("rank " + rank + " received " + token + " from rank " + left + " on lap " + lap);
                token += rank;
            }
        }
        expected.add("token back at rank 0: " + laps * ranks * (ranks - 1) / 2 + " (ranks " + ranks + ", laps " + laps
                + ", hops " + laps * ranks + ")");
        assertEquals(expected.stream().sorted().toList(), run.out().lines().sorted().toList(), run::toString);
    }

    @Test
    void oneLapByDefault() throws Exception {
        Run run = launcher("-n", "4", "run", "--class-path", JAR, "dev.ranks.examples.Ring");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("token back at rank 0: 6 (ranks 4, laps 1, hops 4)\n"), run::toString);
    }

    @Test
    void badLapsFailEveryRankWithTheValueNamed() throws Exception {
        Run run = launcher("-n", "3", "run", "--class-path", JAR, "dev.ranks.examples.Ring", "0");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Ring: laps '0' is invalid: expected a positive integer"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run launcher(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/launcher").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                fail(String.join(" ", command) + " did not end within 3 minutes\n" + Files.readString(out) + Files.readString(err));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
