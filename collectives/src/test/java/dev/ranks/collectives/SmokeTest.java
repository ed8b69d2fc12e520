package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.CommSizes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

class SmokeTest {
    /** MAXLOC pairs must never be cut by an algorithm that splits the vector into segments. */
    @ParameterizedTest
    @CommSizes
    void maxlocPairsSurviveEverySegmentingAlgorithm(int size) {
        for (Algorithm algorithm : Algorithm.of(Collective.ALLREDUCE)) {
            IntracommJobs.run(size, java.util.Map.of("allreduce", algorithm.label()), comm -> {
                int pairs = 7;
                double[] mine = new double[2 * pairs];
                for (int i = 0; i < pairs; i++) {
                    mine[2 * i] = (comm.rank() * 7 + i * 3) % size;
                    mine[2 * i + 1] = comm.rank();
                }
                double[] got = new double[2 * pairs];
                comm.allreduce(mine, got, Op.MAXLOC);
                for (int i = 0; i < pairs; i++) {
                    double best = -1;
                    int where = -1;
                    for (int r = 0; r < size; r++) {
                        double v = (r * 7 + i * 3) % size;
                        if (v > best) {
                            best = v;
                            where = r;
                        }
                    }
                    assertEquals(best, got[2 * i], algorithm + " value of pair " + i);
                    assertEquals(where, got[2 * i + 1], algorithm + " index of pair " + i);
                }
            });
        }
    }

    @ParameterizedTest
    @CommSizes
    void everyCollectiveOnce(int size) {
        IntracommJobs.run(size, comm -> {
            int r = comm.rank();
            for (int root = 0; root < size; root++) {
                assertEquals("hi" + root, comm.bcast(r == root ? "hi" + root : null, root));
                List<Integer> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(i * 10 + root);
                }
                assertEquals(r * 10 + root, (int) comm.scatter(r == root ? items : null, root));
                List<Integer> g = comm.gather(r + root, root);
                if (r == root) {
                    for (int i = 0; i < size; i++) {
                        assertEquals(i + root, g.get(i));
                    }
                }
                Integer sum = comm.reduce(r, Op.SUM, root);
                if (r == root) {
                    assertEquals(size * (size - 1) / 2, sum);
                }
            }
            assertEquals(size * (size - 1) / 2, (int) comm.allreduce(r, Op.SUM));
            assertEquals(r * (r + 1) / 2, (int) comm.scan(r, Op.SUM));
            Integer ex = comm.exscan(r, Op.SUM);
            assertEquals(r == 0 ? null : r * (r - 1) / 2, ex);
            double[] v = {r, 1};
            double[] out = new double[2];
            comm.allreduce(v, out, Op.SUM);
            assertArrayEquals(new double[] {size * (size - 1) / 2.0, size}, out);
            int[] all = new int[size];
            comm.allgather(new int[] {r}, all);
            for (int i = 0; i < size; i++) {
                assertEquals(i, all[i]);
            }
            Intracomm half = comm.split(r % 2, -r);
            assertEquals(r % 2 == 0 ? (size + 1) / 2 : size / 2, half.size());
            int total = half.allreduce(1, Op.SUM);
            assertEquals(half.size(), total);
            comm.barrier();
            Intracomm d = comm.dup();
            assertEquals(r, d.rank());
            CollectiveRequest<Integer> req = d.allreduceAsync(r, Op.MAX);
            assertEquals(size - 1, (int) req.get());
        });
    }
}
