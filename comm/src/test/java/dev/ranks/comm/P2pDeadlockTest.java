package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Deadlock diagnosis: when every live rank is blocked and nothing in flight can release any of
 * them, the job stops within about a second with a report of each rank's pending call and the
 * wait-for cycle. Ranks that are merely waiting on one that computes are not a deadlock.
 */
class P2pDeadlockTest {
    private static final double BOUND_SECONDS = 3.0;

    @Test
    void twoRanksReceivingFromEachOtherAmongNine() {
        Deadlock d = expectDeadlock(9, Settings.defaults(), comm -> {
            int rank = comm.rank();
            if (rank == 1 || rank == 5) {
                int other = rank == 1 ? 5 : 1;
                comm.recv(new int[1], other, 3);
                comm.send(new int[] {rank}, other, 3);
            }
        });
        assertContains(d.report, "rank 1: recv(source=5");
        assertContains(d.report, "rank 5: recv(source=1");
        assertCycleLine(d.report, 1, 5);
    }

    @Test
    void threeRankCycle() {
        Deadlock d = expectDeadlock(3, Settings.defaults(), comm -> {
            int from = (comm.rank() + 1) % 3;
            comm.recv(from, 0);
            comm.send("never", (comm.rank() + 2) % 3, 0);
        });
        assertContains(d.report, "rank 0: recv(source=1");
        assertContains(d.report, "rank 1: recv(source=2");
        assertContains(d.report, "rank 2: recv(source=0");
        assertCycleLine(d.report, 0, 1, 2);
    }

    @Test
    void waitingForARankThatHasFinished() {
        Deadlock d = expectDeadlock(2, Settings.defaults(), comm -> {
            if (comm.rank() == 1) {
                comm.recv(new double[1], 0, 4);
            }
        });
        assertContains(d.report, "rank 1: recv(source=0");
        Pattern finished = Pattern.compile("rank 0\\b[^\\n]*(finished|returned|exited|ended|completed|done|terminated)",
                Pattern.CASE_INSENSITIVE);
        assertTrue(finished.matcher(d.report).find(), () -> "the report should say rank 0 has finished:\n" + d.report);
    }

    @Test
    void aRendezvousSendToARankThatHasFinished() {
        Deadlock d = expectDeadlock(2, Settings.defaults().withEagerLimit(64), comm -> {
            if (comm.rank() == 0) {
                Thread.sleep(50);
                comm.send(new long[100], 1, 0);
            }
        });
        assertContains(d.report, "rank 0: send(dest=1");
    }

    @Test
    void messagesFromARankThatHasFinishedAreStillDelivered() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send("one", 1, 0);
                comm.send(new int[] {2}, 1, 0);
                return;
            }
            Thread.sleep(100);
            assertEquals("one", comm.recv(0, 0));
            int[] got = new int[1];
            comm.recv(got, 0, 0);
            assertEquals(2, got[0]);
        });
    }

    @Test
    void aMessageInFlightThatMatchesNoReceiveDoesNotPreventDiagnosis() {
        expectDeadlock(2, Settings.defaults(), comm -> {
            if (comm.rank() == 0) {
                comm.send("wrong tag", 1, 1);
                comm.recv(1, 0);
            } else {
                comm.recv(0, 2);
            }
        });
    }

    @Test
    void allRanksReceivingFromAnySource() {
        expectDeadlock(4, Settings.defaults(), comm -> comm.recv(Comm.ANY_SOURCE, Comm.ANY_TAG));
    }

    @Test
    void ranksBlockedInWaitAllAndProbe() {
        expectDeadlock(3, Settings.defaults(), comm -> {
            switch (comm.rank()) {
                case 0 -> Request.waitAll(comm.irecv(new int[1], 1, 0), comm.irecv(new int[1], 2, 0));
                case 1 -> comm.probe(2, 0);
                default -> Request.waitAny(comm.irecv(new int[1], 0, 0));
            }
        });
    }

    @Test
    void rendezvousSendsToEachOther() {
        Deadlock d = expectDeadlock(2, Settings.defaults().withEagerLimit(64), comm -> {
            int other = 1 - comm.rank();
            comm.send(new long[100], other, 0);
            comm.recv(new long[100], other, 0);
        });
        assertCycleLine(d.report, 0, 1);
    }

    @Test
    void ranksWaitingOnOneThatComputesAreNotDeadlocked() {
        Jobs.run(4, comm -> {
            if (comm.rank() == 0) {
                Thread.sleep(200);
                for (int dest = 1; dest < 4; dest++) {
                    comm.send(new int[] {dest}, dest, 0);
                }
            } else {
                int[] got = new int[1];
                comm.recv(got, 0, 0);
                assertEquals(comm.rank(), got[0]);
            }
        });
    }

    @Test
    void aRendezvousSenderWaitingOnAComputingReceiverIsNotDeadlocked() {
        Jobs.run(3, Settings.defaults().withEagerLimit(64), comm -> {
            if (comm.rank() == 0) {
                Thread.sleep(200);
                for (int source = 1; source < 3; source++) {
                    long[] got = new long[1000];
                    comm.recv(got, Comm.ANY_SOURCE, 0);
                }
            } else {
                comm.send(new long[1000], 0, 0);
            }
        });
    }

    @Test
    void ranksWaitingInTurnAreNotDeadlocked() {
        Jobs.run(5, comm -> {
            int rank = comm.rank();
            if (rank > 0) {
                comm.recv(rank - 1, 0);
            }
            Thread.sleep(40);
            if (rank + 1 < comm.size()) {
                comm.send("your turn", rank + 1, 0);
            }
        });
    }

    @Test
    void noFalseDeadlockUnderRapidParking() {
        Settings park = Settings.defaults().withWaitPolicy(WaitPolicy.PARK);
        Jobs.run(2, park, comm -> {
            int other = 1 - comm.rank();
            int[] ball = new int[1];
            for (int i = 0; i < 3000; i++) {
                if (comm.rank() == 0) {
                    ball[0] = i;
                    comm.ssend(ball, other, 0);
                    comm.recv(ball, other, 0);
                    assertEquals(i + 1, ball[0]);
                } else {
                    comm.recv(ball, other, 0);
                    ball[0]++;
                    comm.ssend(ball, other, 0);
                }
            }
        });
        Jobs.run(6, park, comm -> {
            int right = (comm.rank() + 1) % 6;
            int left = (comm.rank() + 5) % 6;
            for (int i = 0; i < 1000; i++) {
                assertEquals(left + i, (Integer) comm.sendrecv(comm.rank() + i, right, 0, left, 0));
            }
        });
    }

    private record Deadlock(JobResult result, String report) {
    }

    private static Deadlock expectDeadlock(int size, Settings settings, RankMain main) {
        long start = System.nanoTime();
        JobResult result = Jobs.result(size, settings, main);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
        assertEquals(JobResult.EXIT_DEADLOCK, result.exitCode());
        DeadlockException e = assertInstanceOf(DeadlockException.class, result.cause());
        assertEquals(ErrorClass.DEADLOCK, e.errorClass());
        assertTrue(seconds < BOUND_SECONDS, "the deadlock was diagnosed after " + seconds + " s");
        String report = e.report();
        assertEquals(report, result.describe());
        return new Deadlock(result, report);
    }

    private static void assertContains(String report, String expected) {
        assertTrue(report.contains(expected), () -> "the report should contain '" + expected + "':\n" + report);
    }

    /** Some line of the report speaks of the cycle and names every rank in it. */
    private static void assertCycleLine(String report, int... ranks) {
        boolean found = report.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).contains("cycle"))
                .anyMatch(line -> Arrays.stream(ranks).allMatch(
                        rank -> Pattern.compile("(?<!\\d)" + rank + "(?!\\d)").matcher(line).find()));
        assertTrue(found, () -> "the report should have a wait-for cycle line naming ranks "
                + Arrays.toString(ranks) + ":\n" + report);
    }
}
