package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.examples.Launch.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The books' thread and process examples ({@code dev.ranks.examples.books}: Palach ch. 5, the Cookbook's
 * ch. 1 to 3) as a user runs them, {@code bin/launcher -n N run --class-path ranks-examples.jar
 * dev.ranks.examples.books.NAME}. Where the book prints random numbers, PIDs or times, the test checks
 * their shape and what must hold whatever they are: every item made is taken exactly once, the squares
 * and the Fibonacci terms are right, the order the book's synchronization imposes is kept. The book's
 * seconds are a few milliseconds here ({@code --unit}), and the lists are short ({@code --size}).
 */
class BooksProcessesIT {

    @TempDir
    Path cwd;

    @Test
    void pipeProducerConsumerSendsOneValueFromRank1ToRank0() throws Exception {
        List<String> lines = run(2, "PipeProducerConsumer");

        assertEquals(2, lines.size(), lines::toString);
        Matcher sent = Pattern.compile("Value \\[(\\d+)\\] sent by PID \\[(\\d+)\\] \\(rank 1\\)").matcher(lines.get(0));
        assertTrue(sent.matches(), lines::toString);
        int value = Integer.parseInt(sent.group(1));
        assertTrue(value >= 1 && value <= 10, lines::toString);
        // On the local device both ranks are threads of the launcher's JVM: one PID.
        assertEquals("Value [" + value + "] received by PID [" + sent.group(2) + "] (rank 0)", lines.get(1), lines::toString);
    }

    @ParameterizedTest
    @CsvSource({
        "PipeProducerConsumer, 1, exactly 2",
        "PipeProducerConsumer, 3, exactly 2",
        "QueueFibonacci, 2, at least 3",
        "PipeSquares, 2, exactly 3",
        "ProcessBarrier, 5, exactly 4"})
    void aProgramForSomeRanksFailsAtAnotherCountSayingWhatItNeeds(String program, int ranks, String needs) throws Exception {
        Run run = launch(ranks, program);

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains(program + " needs " + needs + " ranks (-n), got " + ranks + ": rank"), run::toString);
    }

    @Test
    void queueFibonacciTakesEveryNumberOnceAndTheSeedFixesTheNumbersAtAnyRankCount() throws Exception {
        List<Integer> onThree = queueFibonacci(3);
        List<Integer> onFive = queueFibonacci(5);

        assertEquals(onThree, onFive);
    }

    /** Runs QueueFibonacci with seed 7, checks it, and returns the numbers the producer put. */
    private List<Integer> queueFibonacci(int ranks) throws Exception {
        List<String> logged = run(ranks, "QueueFibonacci", "--seed", "7");
        String all = String.join("\n", logged);
        for (String line : logged) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - .+"), line); // %(asctime)s - %(message)s
        }
        List<String> lines = logged.stream().map(l -> l.substring("2026-12-07 16:01:13,424 - ".length())).toList();

        List<Integer> put = new ArrayList<>();
        List<Integer> got = new ArrayList<>();
        Pattern producer = Pattern.compile("Producer \\[Process-2\\] putting value \\[(\\d+)\\] into queue\\.\\. ");
        Pattern consumer = Pattern.compile("consumer \\[Process-(\\d+)\\] getting value \\[(\\d+)\\] from queue\\.\\.\\.");
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher p = producer.matcher(line);
            Matcher c = consumer.matcher(line);
            if (p.matches()) {
                put.add(Integer.parseInt(p.group(1)));
            } else {
                assertTrue(c.matches(), all);
                int process = Integer.parseInt(c.group(1));
                assertTrue(process >= 3 && process <= ranks, all); // ranks 2 and up, Process-3 and up, are the consumers
                got.add(Integer.parseInt(c.group(2)));
            }
        }
        assertEquals(15, put.size(), all);
        assertTrue(put.stream().allMatch(n -> n >= 1 && n <= 20), all);
        assertEquals(put.stream().sorted().toList(), got.stream().sorted().toList(), all);
        StringJoiner dict = new StringJoiner(", ", "{", "}");
        for (int n : new LinkedHashSet<>(put)) {
            dict.add(n + ": " + fibonacci(n));
        }
        assertEquals(dict.toString(), lines.get(lines.size() - 1), all);
        return put;
    }

    /** fib(1) = fib(2) = 1, by the definition rather than the book's loop. */
    private static long fibonacci(int n) {
        return n <= 2 ? 1 : fibonacci(n - 1) + fibonacci(n - 2);
    }

    @Test
    void threadBasics() throws Exception {
        List<String> lines = run(1, "ThreadBasics", "--unit", "5").stream().filter(l -> !l.isEmpty()).toList(); // the book's "\n"
        String all = String.join("\n", lines);

        int current = lines.indexOf("Determining the current thread:");
        int subclass = lines.indexOf("Defining a thread subclass:");
        int lock = lines.indexOf("Thread synchronization with a lock:");
        int early = lines.indexOf("Thread synchronization with a lock released early:");
        List<String> defining = new ArrayList<>(List.of("Defining a thread:"));
        IntStream.range(0, 10).forEach(i -> defining.add("my_func called by thread N°" + i));
        assertEquals(defining, lines.subList(0, current), all);

        List<String> functions = lines.subList(current + 1, subclass);
        assertEquals(6, functions.size(), all);
        for (String name : List.of("function_A", "function_B", "function_C")) {
            int starting = functions.indexOf(name + "--> starting ");
            assertTrue(starting >= 0 && starting < functions.indexOf(name + "--> exiting "), all);
        }

        // Without the lock the threads' lines interleave as they will; each says running before over.
        List<String> free = lines.subList(subclass + 1, lock);
        Set<String> pids = new LinkedHashSet<>();
        checkSubclassRun(free, pids, all);
        for (int i = 1; i <= 9; i++) {
            assertTrue(free.indexOf(running(i, free)) < free.indexOf("---> Thread#" + i + "  over"), all);
        }
        // With it, each thread's two lines are adjacent.
        List<String> locked = lines.subList(lock + 1, early);
        checkSubclassRun(locked, pids, all);
        for (int pair = 0; pair < 9; pair++) {
            String name = locked.get(2 * pair).substring("---> ".length(), locked.get(2 * pair).indexOf("  running"));
            assertEquals("---> " + name + "  over", locked.get(2 * pair + 1), all);
        }
        // Released early: the lines interleave as without it (which way depends on the scheduler).
        int names = lines.indexOf("Thread names and the process:");
        checkSubclassRun(lines.subList(early + 1, names), pids, all);
        assertEquals(List.of("ID of process running Thread#1 ", "ID of process running Thread#2 ", "End"),
                lines.subList(names + 1, lines.size()), all);
        assertEquals(1, pids.size(), all); // threads share their process
    }

    /** Nine threads' running and over lines in some order, then End and the seconds. */
    private static void checkSubclassRun(List<String> run, Set<String> pids, String all) {
        assertEquals(20, run.size(), all);
        List<String> names = new ArrayList<>();
        for (String line : run.subList(0, 18)) {
            Matcher running = Pattern.compile("---> (Thread#\\d)  running, belonging to process ID (\\d+)").matcher(line);
            if (running.matches()) {
                names.add(running.group(1));
                pids.add(running.group(2));
            } else {
                assertTrue(line.matches("---> Thread#\\d  over"), all);
            }
        }
        assertEquals(IntStream.rangeClosed(1, 9).mapToObj(i -> "Thread#" + i).toList(), names.stream().sorted().toList(), all);
        assertEquals("End", run.get(18), all);
        assertTrue(run.get(19).matches("--- \\d+\\.\\d+(E-\\d+)? seconds ---"), all);
    }

    private static String running(int thread, List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("---> Thread#" + thread + "  running")).findFirst().orElseThrow();
    }

    @Test
    void conditionProducerConsumerNeverHoldsMoreThanTenAndTakesAllTwenty() throws Exception {
        List<String> lines = run(1, "ConditionProducerConsumer", "--unit", "2");
        String all = String.join("\n", lines);

        Pattern log = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} (Producer|Consumer) {10}INFO {5}(.+)");
        int items = 0;
        int produced = 0;
        int consumed = 0;
        for (String line : lines) {
            Matcher m = log.matcher(line);
            assertTrue(m.matches(), line);
            String thread = m.group(1);
            String message = m.group(2);
            // Replay the list: each line is logged under the condition's lock, in the order of the changes.
            if (message.startsWith("total items ")) {
                assertEquals("Producer", thread, line);
                items++;
                produced++;
                assertEquals("total items " + items, message, all);
            } else if (message.equals("consumed 1 item")) {
                assertEquals("Consumer", thread, line);
                items--;
                consumed++;
            } else if (message.equals("items produced 10. Stopped")) {
                assertEquals(10, items, all);
            } else {
                assertEquals("no items to consume", message, all);
                assertEquals(0, items, all);
            }
            assertTrue(items >= 0 && items <= 10, all);
        }
        assertEquals(20, produced, all);
        assertEquals(20, consumed, all);
    }

    @Test
    void threadQueueEveryNumberIsPoppedOnceAndTheProgramEnds() throws Exception {
        List<String> lines = run(1, "ThreadQueue", "--unit", "5").stream().filter(l -> !l.isEmpty()).toList(); // the book's "\n"
        String all = String.join("\n", lines);

        List<Integer> appended = new ArrayList<>();
        List<Integer> popped = new ArrayList<>();
        for (String line : lines) {
            Matcher a = Pattern.compile("Producer notify : item N°(\\d+) appended to queue by Thread-1").matcher(line);
            Matcher p = Pattern.compile("Consumer notify : (\\d+) popped from queue by Thread-[234]").matcher(line);
            if (a.matches()) {
                appended.add(Integer.parseInt(a.group(1)));
            } else {
                assertTrue(p.matches(), all);
                popped.add(Integer.parseInt(p.group(1)));
            }
        }
        assertEquals(5, appended.size(), all);
        assertTrue(appended.stream().allMatch(n -> n >= 0 && n <= 256), all);
        assertEquals(appended.stream().sorted().toList(), popped.stream().sorted().toList(), all);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    void processSubclassRunsEachProcessInTurn(int ranks) throws Exception {
        assertEquals(IntStream.rangeClosed(1, ranks).mapToObj(i -> "called run method in MyProcess-" + i).toList(),
                run(ranks, "ProcessSubclass"));
    }

    @Test
    void processQueuePopsEveryItemInTheOrderItWasAppended() throws Exception {
        List<String> lines = run(2, "ProcessQueue", "--unit", "5").stream().filter(l -> !l.isEmpty()).toList(); // the book's "\n"
        String all = String.join("\n", lines);

        List<Integer> appended = new ArrayList<>();
        List<Integer> popped = new ArrayList<>();
        int sizes = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher a = Pattern.compile("Process Producer : item (\\d+) appended to queue producer-1").matcher(line);
            Matcher p = Pattern.compile("Process Consumer : item (\\d+) popped                         from by consumer-2 ").matcher(line);
            Matcher s = Pattern.compile("The size of queue is (\\d+)").matcher(line);
            if (a.matches()) {
                appended.add(Integer.parseInt(a.group(1)));
            } else if (p.matches()) {
                popped.add(Integer.parseInt(p.group(1)));
            } else {
                assertTrue(s.matches(), all);
                sizes++;
                assertTrue(Integer.parseInt(s.group(1)) <= appended.size(), all); // never more than put so far
            }
        }
        assertEquals(10, appended.size(), all);
        assertEquals(10, sizes, all);
        assertTrue(appended.stream().allMatch(n -> n >= 0 && n <= 256), all);
        assertEquals(appended, popped, all); // a queue: first in, first out
        assertEquals("the queue is empty", lines.get(lines.size() - 1), all);
    }

    @Test
    void pipeSquaresPrintsTheSquaresThenEnd() throws Exception {
        assertEquals(List.of("0", "1", "4", "9", "16", "25", "36", "49", "64", "81", "End"), run(3, "PipeSquares"));
    }

    @Test
    void processBarrierEachProcessPrintsItsTimeAndP1HoldsTheLockFirst() throws Exception {
        List<String> lines = run(4, "ProcessBarrier");
        String all = String.join("\n", lines);

        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher m = Pattern.compile("process (p\\d - test_with(?:out)?_barrier) ----> \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?")
                    .matcher(line);
            assertTrue(m.matches(), all);
            names.add(m.group(1));
        }
        assertEquals(List.of("p1 - test_with_barrier", "p2 - test_with_barrier", "p3 - test_without_barrier", "p4 - test_without_barrier"),
                names.stream().sorted().toList(), all);
        assertTrue(names.indexOf("p1 - test_with_barrier") < names.indexOf("p2 - test_with_barrier"), all);
    }

    @ParameterizedTest
    @CsvSource({"1, serial, serial", "1, threads, multithreading", "1, processes, multiprocesses", "3, processes, multiprocesses"})
    void listProcessingCompletesAndPrintsItsTime(int ranks, String mode, String printed) throws Exception {
        List<String> lines = run(ranks, "ListProcessing", mode, "--size", "100000");

        assertEquals(2, lines.size(), lines::toString);
        assertEquals("List processing complete.", lines.get(0));
        assertTrue(lines.get(1).matches(printed + " time= \\d+\\.\\d+(E-\\d+)?"), lines::toString);
    }

    private List<String> run(int ranks, String program, String... args) throws Exception {
        return Launch.bookLines(cwd, ranks, program, args);
    }

    private Run launch(int ranks, String program, String... args) throws Exception {
        return Launch.book(cwd, ranks, program, args);
    }
}
