package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The {@code processes} engine: worker JVMs connected by OS pipes, the books'
 * {@code multiprocessing} pool done with processes of our own. Each worker runs
 * {@link ProcessWorker} with this JVM's {@code java} and class path (and the users' task class path
 * of the configured registry, {@link TaskRegistry#classPath()}), reads length-prefixed JSON
 * requests ({@link Frames}) on its stdin and answers on its stdout; its stderr is passed through.
 *
 * <p>One driver thread per worker takes the next call from a shared queue, so the next call goes
 * to whichever worker is free. When a worker dies (its stdout ends or breaks), its in-flight call
 * goes back to the head of the queue for another worker, the death is reported on the diagnostics
 * stream and in the batch ({@link Batch#deaths()}, {@link Summary}), and the call's outcome counts
 * the attempt. A call that has killed {@value #MAX_ATTEMPTS} workers fails instead of killing them
 * all. Workers are not replaced; when none is left, the remaining calls fail. Workers end with the
 * engine ({@link #close()}), and exit by themselves when the parent JVM dies, as their stdin ends.
 */
public final class ProcessesEngine implements Engine {
    /** How many times a call is started before it is failed for killing its workers. */
    public static final int MAX_ATTEMPTS = 3;

    private final EngineConfig config;
    private final LinkedBlockingDeque<Job> jobs = new LinkedBlockingDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Set<Batch> open = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private int live;
    private volatile boolean closed;

    /**
     * Starts the worker JVMs.
     *
     * @param config the worker count, worker JVM options, registry (for its users' class path) and
     *     diagnostics stream
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when a worker JVM cannot be started
     */
    public ProcessesEngine(EngineConfig config) {
        this.config = config;
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(config.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ProcessWorker.class.getName());
        for (int i = 0; i < config.workers(); i++) {
            List<String> line = new ArrayList<>(command);
            line.add("process-" + i);
            if (!config.registry().classPath().isEmpty()) {
                line.add(config.registry().classPath().text());
            }
            Process process;
            try {
                process = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                close();
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot start worker JVM " + command.get(0)
                        + ": " + e.getMessage(), e);
            }
            Worker worker = new Worker("process-" + i + " (pid " + process.pid() + ")", process);
            workers.add(worker);
            live++;
            worker.driver.start();
        }
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public int workers() {
        return workers.size();
    }

    /** @return the process ids of the workers still alive, for monitoring (and for tests that kill one) */
    public List<Long> workerPids() {
        return workers.stream().filter(w -> w.process.isAlive()).map(w -> w.process.pid()).toList();
    }

    @Override
    public Batch submit(List<Call> calls) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "the processes engine is closed: expected an open engine");
        }
        Batch batch = new Batch(name(), workers(), calls);
        open.add(batch);
        for (int i = 0; i < calls.size(); i++) {
            jobs.addLast(new Job(batch, i, 1));
        }
        synchronized (lock) {
            if (live == 0) {
                failQueued("no worker process is left: every one died");
            }
        }
        return batch;
    }

    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            worker.driver.interrupt();
            try {
                worker.process.getOutputStream().close();
            } catch (IOException e) {
                // The worker is gone already, which is what closing its stdin asks for.
                worker.process.destroyForcibly();
            }
        }
        for (Worker worker : workers) {
            try {
                if (!worker.process.waitFor(2, TimeUnit.SECONDS)) {
                    worker.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.process.destroyForcibly();
            }
        }
        for (Batch batch : open) {
            batch.failRemaining("the processes engine was closed before the call ran", "processes");
        }
    }

    private void failQueued(String reason) {
        for (Job job = jobs.pollFirst(); job != null; job = jobs.pollFirst()) {
            job.batch.complete(Outcome.failure(job.index, job.call(), reason, "processes", 0, job.attempts - 1));
        }
    }

    private void died(Worker worker, Job job, String how) {
        if (closed) {
            return;
        }
        String exit = worker.process.isAlive() ? "still running" : "exit code " + exitCode(worker.process);
        String fate = job.attempts >= MAX_ATTEMPTS
                ? "failing it after " + job.attempts + " attempts"
                : "re-running it on another worker";
        String report = "worker " + worker.id + " died (" + exit + ", " + how + ") running call " + job.index + " "
                + job.call().task() + " " + job.call().args() + ": " + fate;
        config.diagnostics().println("ranks: " + report);
        job.batch.reportDeath(report);
        worker.process.destroyForcibly();
        if (job.attempts >= MAX_ATTEMPTS) {
            job.batch.complete(Outcome.failure(job.index, job.call(), report, worker.id, 0, job.attempts));
        } else {
            jobs.addFirst(new Job(job.batch, job.index, job.attempts + 1));
        }
        synchronized (lock) {
            live--;
            if (live == 0) {
                failQueued("no worker process is left: every one died");
            }
        }
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private record Job(Batch batch, int index, int attempts) {
        Call call() {
            return batch.calls().get(index);
        }
    }

    private final class Worker {
        final String id;
        final Process process;
        final Thread driver;

        Worker(String id, Process process) {
            this.id = id;
            this.process = process;
            this.driver = new Thread(this::drive, "ranks-" + id);
            this.driver.setDaemon(true);
        }

        private void drive() {
            DataOutputStream in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            DataInputStream out = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            long nextId = 0;
            while (!closed) {
                Job job;
                try {
                    job = jobs.takeFirst();
                } catch (InterruptedException e) {
                    return;
                }
                long requestId = nextId++;
                Map<String, Object> message;
                try {
                    Frames.write(in, Json.writeRequest(requestId, job.call()));
                    String reply = Frames.read(out);
                    if (reply == null) {
                        died(this, job, "its stdout ended");
                        return;
                    }
                    message = Json.readObject(reply);
                } catch (IOException | RanksException e) {
                    died(this, job, e.toString());
                    return;
                }
                if (!(message.get("id") instanceof Long id) || id != requestId) {
                    died(this, job, "it answered request " + message.get("id") + " instead of " + requestId);
                    return;
                }
                job.batch.complete(Json.readOutcome(message, job.index, job.call(), job.attempts));
                if (job.batch.completed() == job.batch.size()) {
                    open.remove(job.batch);
                }
            }
        }
    }

    /** Opens {@link ProcessesEngine}s as the engine {@code processes}. */
    public static final class Provider implements EngineProvider {
        /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
        public Provider() {
        }

        @Override
        public String name() {
            return "processes";
        }

        @Override
        public Engine open(EngineConfig config) {
            return new ProcessesEngine(config);
        }
    }
}
