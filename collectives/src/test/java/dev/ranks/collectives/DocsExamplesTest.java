package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The collective examples of docs/tutorial.md and docs/collectives.md, as written there, with the
 * results the comments promise.
 */
class DocsExamplesTest {
    /** Tutorial, "Collectives". */
    @Test
    void tutorialCollectives() {
        IntracommJobs.run(4, comm -> {
            int total = comm.allreduce(comm.rank(), Op.SUM);            // objects: 6 on every rank
            List<Integer> all = comm.gather(comm.rank() * 10, 0);       // [0, 10, 20, 30] at rank 0
            double[] sums = new double[3];
            comm.allreduce(new double[] {1, 2, 3}, sums, Op.SUM);       // arrays: {4, 8, 12}

            assertEquals(6, total);
            if (comm.rank() == 0) {
                assertEquals(List.of(0, 10, 20, 30), all);
            } else {
                assertNull(all);
            }
            assertArrayEquals(new double[] {4, 8, 12}, sums);
        });
    }

    /** Collectives, "Starting a job with collectives". */
    @Test
    void collectivesFirstExample() {
        Intracomm.run(8, comm -> {
            double[] local = {comm.rank(), 1.0};
            double[] total = new double[2];
            comm.allreduce(local, total, Op.SUM);          // {28.0, 8.0} on every rank
            String greeting = comm.bcast(comm.rank() == 0 ? "hi" : null, 0);
            List<Integer> squares = comm.gather((comm.rank() + 1) * (comm.rank() + 1), 0);

            assertArrayEquals(new double[] {28, 8}, total);
            assertEquals("hi", greeting);
            if (comm.rank() == 0) {
                assertEquals(List.of(1, 4, 9, 16, 25, 36, 49, 64), squares);
            }
        }).orThrow();
    }

    private record Mat2(long a, long b, long c, long d) {
        Mat2 times(Mat2 o) {
            return new Mat2(a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d);
        }
    }

    /** Collectives, "Reduction operations": a non-commutative user operation. */
    @Test
    void userOperation() {
        IntracommJobs.run(5, comm -> {
            Mat2 myMatrix = new Mat2(comm.rank() + 1, 1, 1, 0);
            Op matmul = Op.builder("matmul", false)             // not commutative
                    .<Mat2>objects(Mat2::times)
                    .build();
            Mat2 product = comm.allreduce(myMatrix, matmul);    // M0 · M1 · … · M(p-1)

            Mat2 expected = new Mat2(1, 1, 1, 0);
            for (int r = 1; r < comm.size(); r++) {
                expected = expected.times(new Mat2(r + 1, 1, 1, 0));
            }
            assertEquals(expected, product);
            assertEquals(false, expected.equals(new Mat2(5, 1, 1, 0).times(new Mat2(4, 1, 1, 0))
                    .times(new Mat2(3, 1, 1, 0)).times(new Mat2(2, 1, 1, 0)).times(new Mat2(1, 1, 1, 0))),
                    "the example's matrices must not commute, or it proves nothing about order");
        });
    }
}
