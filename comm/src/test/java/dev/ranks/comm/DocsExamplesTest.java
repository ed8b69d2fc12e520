package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of README.md and docs/tutorial.md, as they are written there, so that the docs
 * cannot drift from the API. Each test names its section; keep them in step when either changes.
 */
class DocsExamplesTest {
    /** README, "Writing a program". */
    @Test
    void readmeProgram() {
        Jobs.run(4, comm -> {
            if (comm.rank() == 0) {
                comm.send("hello", 1, 0);
                comm.send(new double[] {1, 2, 3}, 1, 1);
            } else if (comm.rank() == 1) {
                String s = comm.recv(0, 0);
                double[] buf = new double[3];
                comm.recv(buf, 0, 1);

                assertEquals("hello", s);
                assertArrayEquals(new double[] {1, 2, 3}, buf);
            }
        });
    }

    /** Tutorial, "Objects". */
    @Test
    void tutorialObjects() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Map.of("step", 1, "data", List.of(1, 2, 3)), 1, 0);
            } else if (comm.rank() == 1) {
                Map<String, Object> msg = comm.recv(0, 0);

                assertEquals(Map.of("step", 1, "data", List.of(1, 2, 3)), msg);
            }
        });
    }

    /** Tutorial, "Primitive arrays". */
    @Test
    void tutorialArrays() {
        Jobs.run(2, comm -> {
            double[] data = new double[1000];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            if (comm.rank() == 0) {
                comm.send(data, 1, 7);
                comm.send(data, 100, 50, 1, 8);
            } else if (comm.rank() == 1) {
                double[] buf = new double[1000];
                Status s = comm.recv(buf, 0, 7);
                assertEquals(1000, s.count());
                assertArrayEquals(data, buf);
                Status t = comm.recv(buf, 0, 50, 0, 8);

                assertEquals(50, t.count());
                assertEquals(0, t.source());
                assertEquals(100.0, buf[0]);
                assertEquals(149.0, buf[49]);
            }
        });
    }

    /** Tutorial, "Eager and rendezvous": both ranks send first. */
    @Test
    void tutorialBothSendFirstWorksSmallAndDeadlocksLarge() {
        RankMain bothSendFirst = comm -> {
            int other = 1 - comm.rank();
            // One int more than the default eager limit holds.
            int[] big = new int[Settings.DEFAULT_EAGER_LIMIT / 4 + 1];
            int[] buf = new int[big.length];
            comm.send(big, other, 0);
            comm.recv(buf, other, 0);
        };
        JobResult large = Jobs.result(2, Settings.defaults(), bothSendFirst);
        assertEquals(JobResult.Outcome.DEADLOCK, large.outcome(), large::describe);

        Jobs.run(2, Settings.defaults().withEagerLimit(1 << 20), bothSendFirst);
    }

    /**
     * Tutorial, "When the job deadlocks": the report's lines for the exchange of the launcher's
     * {@code deadlock} recipe, whose ranks 1 and 5 each receive with tag 0 before sending (the
     * launcher's DocsSnippetsTest runs the recipe itself against the page).
     */
    @Test
    void tutorialDeadlockReport() {
        JobResult result = Jobs.result(9, Settings.defaults(), comm -> {
            if (comm.rank() == 1) {
                comm.recv(5, 0);
                comm.send("a", 5, 0);
            } else if (comm.rank() == 5) {
                comm.recv(1, 0);
                comm.send("b", 1, 0);
            }
        });

        assertEquals(3, result.exitCode());
        assertEquals(String.join("\n",
                "deadlock: every live rank is blocked in a call that no message in flight can complete",
                "  rank 1: recv(source=5, tag=0)",
                "  rank 5: recv(source=1, tag=0)",
                "  finished: ranks 0, 2, 3, 4, 6, 7, 8",
                "wait-for cycle: rank 1 -> rank 5 -> rank 1"), result.describe());
    }

    /** Tutorial, "A first job". */
    @Test
    void tutorialFirstJob() {
        JobResult result = Ranks.run(4, comm -> assertTrue(comm.rank() < comm.size()));

        assertEquals(0, result.exitCode());
    }
}
