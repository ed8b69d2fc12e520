package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunTaskCommandTest {
    @Test
    void runsATaskByItsCeleryNameOnThreadsByDefault() {
        CliRun run = CliRun.of("run-task", "tasks.fibo_task", "30", "--repeat", "3");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(4, lines.size(), run::toString);
        for (String line : lines.subList(0, 3)) {
            assertTrue(line.matches("\\{\"task\":\"tasks.fibo_task\",\"args\":\\[30],\"result\":\\[30,\"The Fibonacci calculated"
                    + " with task id [0-9a-f-]{36} was 832040\"],\"worker\":\"thread-.*"), run::toString);
        }
        CliRun fib = CliRun.of("run-task", "fib", "30");
        assertTrue(fib.outLines().get(0).startsWith("{\"task\":\"fib\",\"args\":[30],\"result\":832040,"), fib::toString);
        assertTrue(lines.get(3).startsWith("engine threads: 3 tasks, 0 failed"), run::toString);
    }

    @Test
    void argumentsTheTaskRefusesExitTwoWithOneLineBeforeAnythingRuns() {
        for (String[] call : List.of(new String[] {"fib", "-5"}, new String[] {"fib", "abc"}, new String[] {"sqrt", "-4"},
                new String[] {"tasks.fibo_task", "1", "2"})) {
            CliRun run = CliRun.of("run-task", call[0], call[1], call.length > 2 ? call[2] : "--repeat=1", "--engine",
                    "processes");
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("", run.out(), "no engine started, so no JSON line and no summary: " + run);
            assertEquals(2, run.err().lines().count(), "the message, then where to read about usage: " + run);
            assertTrue(run.err().endsWith("See 'launcher run-task --help'.\n"), run::toString);
        }
        assertTrue(CliRun.of("run-task", "fib", "-5").err().startsWith(
                "fib argument -5 is invalid: expected an integer from 0 to 100000000\n"));
        assertTrue(CliRun.of("run-task", "fib", "abc").err().startsWith(
                "fib argument \"abc\" is invalid: expected an integer from 0 to 100000000\n"), "a string shows its quotes");
        assertTrue(CliRun.of("run-task", "fibo_task", "1", "2").err().startsWith("fibo_task takes 1 argument, got 2 [1, 2]"));
    }

    @Test
    void submitLeavesTheArgumentsToTheWorker() {
        CliRun run = CliRun.of("submit", "tasks.sqrt_task", "\"x\"", "--broker", "redis://127.0.0.1:1/0");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("broker redis://127.0.0.1:1/0 cannot be used"),
                "sent as it is, for whichever worker consumes the queue (a Celery worker's Python sqrt_task raises"
                        + " TypeError): " + run);
    }

    @Test
    void anUnknownTaskOrABadWorkerSourceExitsTwo() {
        CliRun task = CliRun.of("run-task", "fibo", "3");
        assertEquals(2, task.exitCode(), task::toString);
        assertTrue(task.err().contains("task 'fibo' is unknown: expected one of add, crawl_page, crawl_task, fib, fibo_task, hello_world, sqrt,"
                + " square"), task::toString);
        CliRun both = CliRun.of("worker", "--fifo", "/tmp/x", "-Q", "fibo_queue");
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().contains("expected one or the other"), both::toString);
        CliRun noBroker = CliRun.of("worker", "--broker", "redis://127.0.0.1:1/0");
        assertEquals(2, noBroker.exitCode(), noBroker::toString);
        assertTrue(noBroker.err().contains("broker redis://127.0.0.1:1/0 cannot be used"), noBroker::toString);
        CliRun badQueues = CliRun.of("worker", "-Q", "fibo_queue,,x");
        assertEquals(2, badQueues.exitCode(), badQueues::toString);
        assertTrue(badQueues.err().contains("expected queue names separated by commas"), badQueues::toString);
    }
}
