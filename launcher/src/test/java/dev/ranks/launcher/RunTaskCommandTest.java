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
            assertTrue(line.startsWith("{\"task\":\"tasks.fibo_task\",\"args\":[30],\"result\":832040,\"worker\":\"thread-"),
                    run::toString);
        }
        assertTrue(lines.get(3).startsWith("engine threads: 3 tasks, 0 failed"), run::toString);
    }

    @Test
    void aFailingCallExitsOneWithItsStackTrace() {
        CliRun run = CliRun.of("run-task", "sqrt", "-4", "--engine", "threads");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"error\":\"dev.ranks.comm.RanksException: sqrt argument -4 is invalid"),
                run::toString);
    }

    @Test
    void anUnknownTaskOrABadWorkerSourceExitsTwo() {
        CliRun task = CliRun.of("run-task", "fibo", "3");
        assertEquals(2, task.exitCode(), task::toString);
        assertTrue(task.err().contains("task 'fibo' is unknown: expected one of crawl_page, fib, sqrt"), task::toString);
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
