package dev.ranks.examples;

import static dev.ranks.examples.Launch.JAR;
import static dev.ranks.examples.Launch.assumeMpj;
import static dev.ranks.examples.Launch.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.examples.Launch.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Pi} as a user runs it: {@code bin/launcher -n N run --class-path ranks-examples.jar
 * dev.ranks.examples.Pi} on the local device, and on MPJ Express's multicore and niodev devices (these
 * skip where Debian's libmpj-java is not installed). Rank 0 must print π to 12 digits or more, and an
 * error that is the distance to {@link Math#PI}.
 */
class PiIT {
    private static final Pattern LINE = Pattern.compile("pi is approximately (\\d\\.\\d{16}), error is (\\d\\.\\d{16})");

    @TempDir
    Path cwd;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void localDevice(int ranks) throws Exception {
        assertPi(launcher("-n", Integer.toString(ranks), "run", "--class-path", JAR, "dev.ranks.examples.Pi"));
    }

    @Test
    void moreIntervalsOnTheCommandLine() throws Exception {
        assertPi(launcher("-n", "3", "run", "--class-path", JAR, "dev.ranks.examples.Pi", "3000000"));
    }

    @Test
    void badIntervalsFailRankZeroWithTheValueNamed() throws Exception {
        Run run = launcher("-n", "2", "run", "--class-path", JAR, "dev.ranks.examples.Pi", "many");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 0 failed"), run::toString);
        assertTrue(run.err().contains("Pi: intervals 'many' is invalid: expected a positive integer"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void mpjMulticore(int ranks) throws Exception {
        assumeMpj();
        assertPi(launcher("--device", "mpj", "--mpj-dev", "multicore", "-n", Integer.toString(ranks),
                "run", "--class-path", JAR, "dev.ranks.examples.Pi"));
    }

    @Test
    void mpjNiodev() throws Exception {
        assumeMpj();
        // niodev starts each rank's JVM through an MPJ Express daemon
        try (Launch.Daemons daemons = new Launch.Daemons(cwd)) {
            for (int ranks : new int[] {2, 4}) {
                assertPi(launcher(concat(daemons.jobOptions(), List.of("-n", Integer.toString(ranks), "run", "--class-path",
                        JAR, "dev.ranks.examples.Pi"))));
            }
        }
    }

    private static void assertPi(Run run) {
        assertEquals(0, run.exitCode(), run::toString);
        Matcher m = LINE.matcher(run.out());
        assertTrue(m.find(), () -> "no 'pi is approximately' line: " + run);
        double pi = Double.parseDouble(m.group(1));
        double error = Double.parseDouble(m.group(2));
        assertTrue(m.group(1).startsWith("3.14159265358"), run::toString);
        assertTrue(Math.abs(pi - Math.PI) < 1e-12, run::toString);
        assertEquals(Math.abs(pi - Math.PI), error, 1e-16, run::toString);
        assertTrue(!m.find(), () -> "only rank 0 prints: " + run);
    }

    private Run launcher(String... args) throws Exception {
        return Launch.launcher(cwd, args);
    }

    private Run launcher(List<String> args) throws Exception {
        return Launch.launcher(cwd, args);
    }
}
