package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code launcher run}: users' classes and jars on the local device, in both entry styles, one
 * class loader per rank, and every way a user's program or its naming can go wrong.
 */
class RunCommandTest {
    @TempDir
    static Path dir;
    private static Path classes;
    private static String cp;

    @BeforeAll
    static void compileUserPrograms() throws IOException {
        classes = UserClasses.compile(dir.resolve("classes"), Map.of(
                "demo.Counter", """
                        package demo;
                        import dev.ranks.collectives.*;
                        import java.util.concurrent.atomic.AtomicInteger;
                        public class Counter implements RankProgram {
                            static final AtomicInteger COUNT = new AtomicInteger();
                            public void run(Intracomm world, String[] args) {
                                COUNT.incrementAndGet();
                                world.barrier();
                                System.out.println("rank " + world.rank() + " count " + COUNT.get()
                                        + " loader " + Thread.currentThread().getContextClassLoader().getName()
                                        + " args " + String.join(" ", args));
                            }
                        }
                        """,
                "demo.Sum", """
                        package demo;
                        import dev.ranks.collectives.*;
                        public class Sum {
                            public static void main(String[] args) throws Exception {
                                Intracomm world = Intracomm.world();
                                int[] fromThread = new int[1];
                                Thread t = new Thread(() -> fromThread[0] = Intracomm.world().rank());
                                t.start();
                                t.join();
                                int sum = world.allreduce(world.rank() + 1, Op.SUM);
                                System.out.println("rank " + world.rank() + " thread " + fromThread[0] + " sum " + sum);
                            }
                        }
                        """,
                "demo.Fails", """
                        package demo;
                        import dev.ranks.collectives.*;
                        public class Fails implements RankProgram {
                            public void run(Intracomm world, String[] args) {
                                if (world.rank() == 1) {
                                    helper();
                                }
                                world.barrier();
                            }
                            private static void helper() {
                                throw new IllegalStateException("user code gives up");
                            }
                        }
                        """,
                "demo.Deadlocks", """
                        package demo;
                        import dev.ranks.collectives.*;
                        public class Deadlocks implements RankProgram {
                            public void run(Intracomm world, String[] args) {
                                int other = 1 - world.rank();
                                Object got = world.recv(other, 0);
                                world.send(got, other, 0);
                            }
                        }
                        """,
                "demo.Exits", """
                        package demo;
                        import dev.ranks.collectives.*;
                        public class Exits {
                            public static void main(String[] args) {
                                Intracomm world = Intracomm.world();
                                System.out.println("rank " + world.rank() + " before");
                                world.barrier();
                                int rank = Integer.parseInt(args[0]);
                                int status = Integer.parseInt(args[1]);
                                if (rank < 0 || world.rank() == rank) {
                                    if (args.length > 2) {
                                        Runtime.getRuntime().halt(status);
                                    }
                                    System.exit(status);
                                }
                                world.barrier();
                                System.out.println("rank " + world.rank() + " after");
                            }
                        }
                        """,
                "demo.Objects", """
                        package demo;
                        import dev.ranks.collectives.*;
                        import java.util.*;
                        public class Objects implements RankProgram {
                            public static class Box { int v; List<String> names = new ArrayList<>(); }
                            public record Pt(int x, int y) { }
                            public enum Color { RED, GREEN }
                            public void run(Intracomm world, String[] args) {
                                int r = world.rank();
                                int n = world.size();
                                Box box = new Box();
                                box.v = r;
                                box.names.add("n" + r);
                                world.send(box, (r + 1) % n, 0);
                                Box got = world.recv((r - 1 + n) % n, 0);
                                Pt pt = world.bcast(r == 0 ? new Pt(4, 2) : null, 0);
                                List<Color> colors = world.allgather(r % 2 == 0 ? Color.RED : Color.GREEN);
                                System.out.println("rank " + r + " box " + got.v + got.names + " " + pt + " " + colors
                                        + " " + (got.getClass().getClassLoader() == Box.class.getClassLoader()));
                            }
                        }
                        """,
                "demo.NoMain", "package demo; public class NoMain { public static void mian(String[] a) { } }",
                "demo.NoCtor", """
                        package demo;
                        public class NoCtor implements dev.ranks.collectives.RankProgram {
                            public NoCtor(int x) { }
                            public void run(dev.ranks.collectives.Intracomm w, String[] a) { }
                        }
                        """,
                "demo.Sleeps", """
                        package demo;
                        public class Sleeps {
                            public static void main(String[] a) throws Exception { Thread.sleep(60_000); }
                        }
                        """));
        cp = classes.toString();
    }

    @ParameterizedTest(name = "-n {0}")
    @ValueSource(ints = {1, 2, 4, 7})
    void eachRankHasItsOwnStaticFieldsAndGetsTheArgumentsEvenThoseLikeOptions(int n) {
        Run run = run("-n", Integer.toString(n), "run", "--class-path", cp, "demo.Counter", "a", "-n", "3");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> expected = IntStream.range(0, n).mapToObj(r -> "rank " + r + " count 1 loader rank-" + r + " args a -n 3")
                .sorted().toList();
        assertEquals(expected, run.sortedOut(), run::toString);
    }

    @Test
    void sharedClassesShareStaticFieldsBetweenRanks() {
        Run run = run("-n", "3", "run", "--shared-classes", "--class-path", cp, "demo.Counter");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 count 3 loader ranks args ", "rank 1 count 3 loader ranks args ",
                "rank 2 count 3 loader ranks args "), run.sortedOut(), run::toString);
    }

    @Test
    void aMainGetsItsCommunicatorFromWorldAlsoInItsThreads() {
        Run run = run("-n", "4", "run", "--class-path", cp, "demo.Sum");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 thread 0 sum 10", "rank 1 thread 1 sum 10", "rank 2 thread 2 sum 10",
                "rank 3 thread 3 sum 10"), run.sortedOut(), run::toString);
    }

    @Test
    void usersOwnObjectsRecordsAndEnumsArriveAsTheReceivingRanksClasses() {
        Run run = run("-n", "3", "run", "--class-path", cp, "demo.Objects");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 box 2[n2] Pt[x=4, y=2] [RED, GREEN, RED] true",
                "rank 1 box 0[n0] Pt[x=4, y=2] [RED, GREEN, RED] true",
                "rank 2 box 1[n1] Pt[x=4, y=2] [RED, GREEN, RED] true"), run.sortedOut(), run::toString);
    }

    @Test
    void aJarRunsItsMainClassAndRanksProgramComesFirst() throws IOException {
        Path plain = UserClasses.jar(classes, dir.resolve("sum.jar"), Map.of("Main-Class", "demo.Sum"));
        Path both = UserClasses.jar(classes, dir.resolve("both.jar"),
                Map.of("Main-Class", "demo.Sum", "Ranks-Program", "demo.Counter"));

        Run sum = run("-n", "2", "run", plain.toString());
        Run counter = run("-n", "2", "run", both.toString(), "x");

        assertEquals(List.of("rank 0 thread 0 sum 3", "rank 1 thread 1 sum 3"), sum.sortedOut(), sum::toString);
        assertEquals(List.of("rank 0 count 1 loader rank-0 args x", "rank 1 count 1 loader rank-1 args x"),
                counter.sortedOut(), counter::toString);
    }

    @Test
    void anExceptionInUserCodeFailsTheJobWithTheUsersFramesFirst() {
        Run run = run("-n", "3", "run", "--class-path", cp, "demo.Fails");

        assertEquals(1, run.exitCode(), run::toString);
        List<String> lines = run.err().lines().toList();
        int at = lines.indexOf("rank 1 failed:");
        assertTrue(at >= 0, run::toString);
        assertEquals("java.lang.IllegalStateException: user code gives up", lines.get(at + 1), run::toString);
        assertTrue(lines.get(at + 2).contains("rank-1//demo.Fails.helper(Fails.java:"), run::toString);
        assertTrue(lines.get(at + 3).contains("rank-1//demo.Fails.run(Fails.java:"), run::toString);
        assertFalse(run.err().contains("LocalDevice"), () -> "the launcher's own frames are cut: " + run);
    }

    @Test
    void aDeadlockInUserCodeIsReportedWithExitThree() {
        Run run = run("-n", "2", "run", "--class-path", cp, "demo.Deadlocks");

        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 0: recv(source=1, tag=0"), run::toString);
    }

    @Test
    void systemExitWithAStatusAbortsTheJobAndKeepsWhatRanksPrinted() {
        Run run = run("-n", "3", "run", "--class-path", cp, "demo.Exits", "2", "7");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 2 failed: called abort(7)"), run::toString);
        assertTrue(run.err().contains("rank-2//demo.Exits.main(Exits.java:"), run::toString);
        assertEquals(List.of("rank 0 before", "rank 1 before", "rank 2 before"), run.sortedOut(), run::toString);
    }

    @Test
    void runtimeHaltIsHandledAsExit() {
        Run run = run("-n", "2", "run", "--class-path", cp, "demo.Exits", "0", "4", "halt");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 0 failed: called abort(4)"), run::toString);
    }

    @Test
    void systemExitZeroInEveryRankEndsTheJobNormally() {
        Run run = run("-n", "3", "run", "--class-path", cp, "demo.Exits", "-1", "0");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 before", "rank 1 before", "rank 2 before"), run.sortedOut(), run::toString);
    }

    @Test
    void timeoutStopsAUsersProgram() {
        Run run = run("-n", "2", "--timeout", "1", "run", "--class-path", cp, "demo.Sleeps");

        assertEquals(124, run.exitCode(), run::toString);
    }

    @Test
    void badProgramsAndPathsExitTwoNamingWhatWasGivenAndWhatWasExpected() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("notes.jar"), "not a zip");
        Path noMain = UserClasses.jar(classes, dir.resolve("nomain.jar"), Map.of());
        assertUsage(List.of("run", "--class-path", cp, "demo.Missing"), "class 'demo.Missing' was not found in --class-path");
        assertUsage(List.of("run", "demo.Missing"), "no --class-path was given");
        assertUsage(List.of("run", "--class-path", cp, "demo.NoMain"), "'demo.NoMain' is neither a RankProgram nor has a main");
        assertUsage(List.of("run", "--class-path", cp, "demo.NoCtor"), "no public no-argument constructor");
        assertUsage(List.of("run", dir.resolve("missing.jar").toString()), "missing.jar' does not exist");
        assertUsage(List.of("run", notAJar.toString()), "notes.jar' is not a jar");
        assertUsage(List.of("run", noMain.toString()), "expected a Ranks-Program or Main-Class attribute");
        assertUsage(List.of("run", "--class-path", dir.resolve("nowhere").toString(), "demo.Sum"),
                "class path entry " + dir.resolve("nowhere") + " does not exist");
        assertUsage(List.of("run", "--class-path", cp, "demo/Sum.class"), "it looks like a file");
        assertUsage(List.of("run"), "Missing required parameter: 'CLASS|JAR'");
    }

    private static void assertUsage(List<String> args, String message) {
        Run run = run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), () -> "expected '" + message + "' in:\n" + run);
    }

    /** A run of the launcher with the ranks' own System.out captured beside the launcher's writers. */
    private record Run(int exitCode, String out, String err) {
        List<String> sortedOut() {
            return out.lines().sorted().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static synchronized Run run(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CliRun run = CliRun.of(args);
            return new Run(run.exitCode(), captured.toString(StandardCharsets.UTF_8) + run.out(), run.err());
        } finally {
            System.setOut(stdout);
        }
    }
}
