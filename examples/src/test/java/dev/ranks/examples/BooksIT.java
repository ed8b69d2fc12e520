package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The books' examples ({@code dev.ranks.examples.books}) as a user runs them, {@code bin/launcher -n N run
 * --class-path ranks-examples.jar dev.ranks.examples.books.NAME}, printing the books' answers. Where the
 * book's order depends on the threads, the lines are compared as a set.
 */
class BooksIT {
    @TempDir
    Path cwd;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void barrierRaceStartsEveryRunnerReachesTheBarrierAndTheRaceEnds(int ranks) throws Exception {
        List<String> lines = run(ranks, "BarrierRace").stream().filter(l -> !l.isEmpty()).toList(); // the book's "\n"

        assertEquals("START RACE!!!!", lines.get(0), lines::toString);
        assertEquals("Race over!", lines.get(lines.size() - 1), lines::toString);
        List<String> names = new ArrayList<>(List.of("Huey", "Dewey", "Louie", "runner 3", "runner 4").subList(0, ranks));
        List<String> reached = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            assertTrue(line.matches(".+ reached the barrier at: \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} "), line);
            reached.add(line.substring(0, line.indexOf(" reached")));
        }
        assertEquals(names.stream().sorted().toList(), reached.stream().sorted().toList(), lines::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 7})
    void primeBatchOnAnyNumberOfRanks(int ranks) throws Exception {
        assertEquals(List.of(
                "112272535095293 is prime: True",
                "112582705942171 is prime: True",
                "112272535095293 is prime: True",
                "115280095190773 is prime: True",
                "115797848077099 is prime: True",
                "1099726899285419 is prime: False"), run(ranks, "PrimeBatch"));
    }

    @Test
    void conditionFibonacci() throws Exception {
        List<String> logged = run(1, "ConditionFibonacci");
        for (String line : logged) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - .+"), line);
        }
        List<String> lines = logged.stream().map(l -> l.substring("2026-12-07 19:12:44,743 - ".length())).toList();

        assertEquals("[MainThread] - Result: {3: 2, 5: 5, 7: 13, 10: 55}", lines.get(lines.size() - 1), lines::toString);
        List<String> results = lines.stream().filter(l -> l.contains("fibonacci of key")).map(l -> l.replaceFirst("^\\[Thread-[1-4]\\] ", ""))
                .sorted().toList();
        assertEquals(List.of("fibonacci of key [10] with result [55]", "fibonacci of key [3] with result [2]",
                "fibonacci of key [5] with result [5]", "fibonacci of key [7] with result [13]"), results, lines::toString);
        assertTrue(lines.contains("Starting queue_task..."), lines::toString);
        assertTrue(lines.contains("Notifying fibonacci_task threads that the queue is ready to consume.."), lines::toString);
    }

    @Test
    void syncPrimitivesPrintTheCookbooksRLockSemaphoreAndEventLines() throws Exception {
        List<String> all = run(1, "SyncPrimitives", "7");
        String text = String.join("\n", all);
        List<String> lines = all.stream().filter(l -> !l.isEmpty()).toList(); // the book's "\n" endings: blank lines

        // RLock: the adder counts its 10..20 items down to 0, the remover its 1..10.
        List<String> rlock = lines.subList(lines.indexOf("RLock:") + 1, lines.indexOf("Semaphore:"));
        for (String[] side : new String[][] {{"ADD", "ADDED", "10"}, {"REMOVE", "REMOVED", "1"}}) {
            List<String> mine = rlock.stream().filter(l -> l.endsWith(" to " + side[0] + " ")).toList();
            Matcher first = Pattern.compile("N° (\\d+) items to " + side[0] + " ").matcher(mine.get(0));
            assertTrue(first.matches(), mine.get(0));
            int items = Integer.parseInt(first.group(1));
            assertTrue(items >= Integer.parseInt(side[2]) && items <= Integer.parseInt(side[2]) + 10, mine.get(0));
            assertEquals(items + 1, mine.size(), text);
            for (int left = items - 1; left >= 0; left--) {
                assertEquals(side[1] + " one item -->" + left + " item to " + side[0] + " ", mine.get(items - left), text);
            }
        }

        // Semaphore: ten rounds of a waiting consumer, then the producer's item, then the consumer's.
        String log = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ";
        List<String> semaphore = lines.subList(lines.indexOf("Semaphore:") + 1, lines.indexOf("Event:"));
        assertEquals(30, semaphore.size(), text);
        for (int round = 0; round < 10; round++) {
            String consumer = String.format("%-17s INFO     ", "Thread-" + (2 * round + 1));
            String producer = String.format("%-17s INFO     ", "Thread-" + (2 * round + 2));
            assertTrue(semaphore.get(3 * round).matches(log + consumer + "Consumer is waiting"), semaphore.get(3 * round));
            Matcher produced = Pattern.compile(log + producer + "Producer notify: item number (\\d+)").matcher(semaphore.get(3 * round + 1));
            assertTrue(produced.matches(), semaphore.get(3 * round + 1));
            assertTrue(semaphore.get(3 * round + 2).matches(log + consumer + "Consumer notify: item number " + produced.group(1)),
                    semaphore.get(3 * round + 2));
        }

        // Event: every item appended by Thread-1 is popped by Thread-2.
        List<String> appended = new ArrayList<>();
        List<String> popped = new ArrayList<>();
        for (String line : lines.subList(lines.indexOf("Event:") + 1, lines.size())) {
            Matcher a = Pattern.compile(log + "Thread-1          INFO     Producer notify: item (\\d+) appended by Thread-1").matcher(line);
            Matcher p = Pattern.compile(log + "Thread-2          INFO     Consumer notify: (\\d+) popped by Thread-2").matcher(line);
            if (a.matches()) {
                appended.add(a.group(1));
            } else {
                assertTrue(p.matches(), line);
                popped.add(p.group(1));
            }
        }
        assertEquals(5, appended.size(), text);
        assertEquals(appended.stream().sorted().toList(), popped.stream().sorted().toList(), text);
    }

    @Test
    void asyncMaths() throws Exception {
        List<String> lines = run(1, "AsyncMaths");

        assertEquals(List.of("Asyncio.Task - binomial_coefficient(20, 10) = 184756.0", "Asyncio.Task - factorial(10) = 3628800",
                "Asyncio.Task - fibonacci(10) = 55"), lines.stream().filter(l -> l.startsWith("Asyncio.Task - ")).sorted().toList(),
                lines::toString);
        assertEquals(9 + 10 + 10, lines.stream().filter(l -> l.startsWith("Asyncio.Task: Compute ")).count(), lines::toString);
        // The tasks interleave: the first steps of all three come before any task ends.
        assertTrue(lines.indexOf("Asyncio.Task: Compute binomial_coefficient(1)") < lines.indexOf("Asyncio.Task - factorial(10) = 3628800"),
                lines::toString);
    }

    @ParameterizedTest
    @CsvSource({"3, 3, 6, 6", "5, 5, 15, 120"})
    void asyncFutures(int n1, int n2, long sum, long factorial) throws Exception {
        assertEquals(List.of("First coroutine (sum of N ints) result = " + sum, "Second coroutine (factorial) result = " + factorial),
                run(1, "AsyncFutures", Integer.toString(n1), Integer.toString(n2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sleep", "executor"})
    void asyncOrderingBAndCFinishBeforeA(String mode) throws Exception {
        List<String> lines = run(1, "AsyncOrdering", mode);

        assertEquals(List.of("[Task-A] coroutine will sleep for 10 second(s)...", "[Task-B] coroutine will sleep for 1 second(s)...",
                "[Task-C] coroutine will sleep for 1 second(s)..."), lines.subList(0, 3), lines::toString);
        // B and C end together: asyncio's timers keep their order, a thread pool's sleeps need not
        assertEquals(List.of("[Task-B] done!", "[Task-C] done!"), lines.subList(3, 5).stream().sorted().toList(), lines::toString);
        assertEquals("[Task-A] done!", lines.get(5), lines::toString);
        assertEquals(6, lines.size(), lines::toString);
    }

    @Test
    void asyncOrderingWithABlockingSleepRunsEachTaskToItsEnd() throws Exception {
        assertEquals(List.of("[Task-A] coroutine will sleep for 10 second(s)...", "[Task-A] done!",
                "[Task-B] coroutine will sleep for 1 second(s)...", "[Task-B] done!",
                "[Task-C] coroutine will sleep for 1 second(s)...", "[Task-C] done!"), run(1, "AsyncOrdering", "blocking"));
    }

    @Test
    void processLifecyclePrintsTheCookbooksSpawnNamesDaemonAndTerminateLines() throws Exception {
        List<String> lines = run(1, "ProcessLifecycle").stream().filter(l -> !l.isEmpty()).toList(); // the book's "\n"
        String all = String.join("\n", lines);

        int names = lines.indexOf("names:");
        int daemon = lines.indexOf("daemon:");
        int noDaemons = lines.indexOf("no daemons:");
        int terminate = lines.indexOf("terminate:");
        List<String> spawn = new ArrayList<>(List.of("spawn:"));
        for (int i = 0; i < 6; i++) {
            spawn.add("calling myFunc from process n°: " + i);
            for (int j = 0; j < i; j++) {
                spawn.add("output from myFunc is :" + j);
            }
        }
        assertEquals(spawn, lines.subList(0, names), all);
        assertEquals(List.of("Exiting process name = Process-2 ", "Exiting process name = myFunc process ",
                "Starting process name = Process-2 ", "Starting process name = myFunc process "),
                lines.subList(names + 1, daemon).stream().sorted().toList(), all);
        List<String> background = lines.subList(daemon + 1, noDaemons);
        assertEquals(List.of("Starting NO_background_process ", "---> 5 ", "---> 6 ", "---> 7 ", "---> 8 ", "---> 9 ",
                "Exiting NO_background_process "), background.stream().filter(l -> !l.contains(" background_process")
                        && !l.matches("---> [0-4] ")).toList(), all);
        assertFalse(background.contains("Exiting background_process "), all); // terminated as a daemon
        assertEquals(List.of("Starting background_process ", "---> 0 ", "---> 1 ", "---> 2 ", "---> 3 ", "---> 4 ",
                "Exiting background_process ", "Starting NO_background_process ", "---> 5 ", "---> 6 ", "---> 7 ", "---> 8 ",
                "---> 9 ", "Exiting NO_background_process "), lines.subList(noDaemons + 1, terminate), all);
        List<String> kill = lines.subList(terminate + 1, lines.size());
        assertEquals(5, kill.size(), all);
        assertTrue(kill.get(0).matches("Process before execution: <Process name='Process-1' parent=\\d+ initial> False"), all);
        assertTrue(kill.get(1).matches("Process running: <Process name='Process-1' pid=\\d+ parent=\\d+ started> True"), all);
        assertTrue(kill.get(2).startsWith("Process terminated: <Process name='Process-1' pid="), all);
        assertTrue(kill.get(3).matches("Process joined: <Process name='Process-1' pid=\\d+ parent=\\d+ stopped exitcode=-SIGTERM> False"), all);
        assertEquals("Process exit code: -15", kill.get(4), all);
    }

    @Test
    void namedPipeCarriesTheWritersPidToTheReader() throws Exception {
        List<String> lines = run(1, "NamedPipe");

        assertEquals(1, lines.size(), lines::toString);
        Matcher message = Pattern.compile("I pid \\[(\\d+)\\] received a message => Hello from pid \\[(\\d+)\\]").matcher(lines.get(0));
        assertTrue(message.matches(), lines.get(0));
        assertNotEquals(message.group(1), message.group(2), "two processes");
    }

    private List<String> run(int ranks, String program, String... args) throws Exception {
        return Launch.bookLines(cwd, ranks, program, args);
    }
}
