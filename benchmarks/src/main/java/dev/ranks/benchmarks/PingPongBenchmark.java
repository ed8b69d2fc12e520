package dev.ranks.benchmarks;

import dev.ranks.comm.Comm;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A round trip between two ranks of the local device (send then receive, the peer echoing), against
 * its floor: one cache line bounced between two threads of the same JVM, which no shared-memory
 * transport between two cores can beat. Half of either figure is the one-way latency that
 * {@code launcher bench latency} prints.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPongBenchmark {
    private static final int DATA = 1;
    private static final int STOP = 2;

    /** Two ranks of a local job: this benchmark's thread acts for rank 0, a job thread echoes as rank 1. */
    @State(Scope.Benchmark)
    public static class Pair {
        /** Message size in bytes. */
        @Param({"8", "1024"})
        public int bytes;

        private final CountDownLatch finished = new CountDownLatch(1);
        private Thread job;
        Comm rank0;
        byte[] buffer;

        /** Starts the job and waits for rank 0's communicator. */
        @Setup(Level.Trial)
        public void start() throws Exception {
            buffer = new byte[bytes];
            CompletableFuture<Comm> handedOver = new CompletableFuture<>();
            job = new Thread(() -> Ranks.run(2, comm -> {
                if (comm.rank() == 0) {
                    handedOver.complete(comm);
                    finished.await();
                } else {
                    echo(comm, bytes);
                }
            }), "ping-pong-job");
            job.setDaemon(true);
            job.start();
            rank0 = handedOver.get(30, TimeUnit.SECONDS);
        }

        /** Stops the echoing rank and waits for the job to end. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            rank0.send(new byte[0], 1, STOP);
            finished.countDown();
            job.join(TimeUnit.SECONDS.toMillis(30));
        }

        private static void echo(Comm comm, int bytes) {
            byte[] buffer = new byte[bytes];
            while (true) {
                Status status = comm.recv(buffer, 0, Comm.ANY_TAG);
                if (status.tag() == STOP) {
                    return;
                }
                comm.send(buffer, 0, DATA);
            }
        }
    }

    /** Two threads and one cache line each way: the reference. */
    @State(Scope.Benchmark)
    public static class Bounce {
        private final CacheLine ping = new CacheLine();
        private final CacheLine pong = new CacheLine();
        private Thread echo;
        private long sequence;

        /** Starts the echoing thread. */
        @Setup(Level.Trial)
        public void start() {
            echo = new Thread(() -> {
                long seen = 0;
                while (seen >= 0) {
                    long next;
                    while ((next = ping.value) == seen) {
                        Thread.onSpinWait();
                    }
                    seen = next;
                    pong.value = next;
                }
            }, "bounce-echo");
            echo.setDaemon(true);
            echo.start();
        }

        /** Ends the echoing thread. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            ping.value = -1;
            echo.join(TimeUnit.SECONDS.toMillis(30));
        }

        long roundTrip() {
            long s = ++sequence;
            ping.value = s;
            while (pong.value != s) {
                Thread.onSpinWait();
            }
            return s;
        }
    }

    /**
     * One volatile long alone on its cache line (64 bytes; padded on both sides, as the JVM may lay
     * fields out in any order within a class but keeps a superclass's fields first).
     */
    static class CacheLine extends LeftPad {
        volatile long value;
        long q1;
        long q2;
        long q3;
        long q4;
        long q5;
        long q6;
        long q7;
    }

    /** The padding before {@link CacheLine#value}. */
    static class LeftPad {
        long p1;
        long p2;
        long p3;
        long p4;
        long p5;
        long p6;
        long p7;
    }

    /**
     * A round trip through Ranks' local device.
     *
     * @param pair the two ranks
     * @return the status, so the JIT cannot drop the receive
     */
    @Benchmark
    public Status ranksRoundTrip(Pair pair) {
        pair.rank0.send(pair.buffer, 1, DATA);
        return pair.rank0.recv(pair.buffer, 1, DATA);
    }

    /**
     * The floor: a cache line to the other core and back.
     *
     * @param bounce the two threads
     * @return the sequence number, so the JIT cannot drop the loop
     */
    @Benchmark
    public long floorRoundTrip(Bounce bounce) {
        return bounce.roundTrip();
    }
}
