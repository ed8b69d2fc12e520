package dev.ranks.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The main class of the process engine's worker JVMs: reads request frames ({@link Frames},
 * {@link Json#writeRequest}) on stdin, runs each with the tasks of {@link TaskRegistry#load()}
 * (and of the users' jars its engine's registry was loaded with, {@link TaskRegistry#classPath()}),
 * and writes a reply frame per request on stdout, one call at a time. Exits when stdin ends, that
 * is when the engine closes it or its JVM dies, so that no worker outlives its parent.
 * {@code System.out} is pointed at stderr first: a task that prints must not corrupt the frames.
 */
public final class ProcessWorker {
    private ProcessWorker() {
    }

    /**
     * Serves requests until stdin ends.
     *
     * @param args the worker's id, such as {@code process-2}, then optionally the users' task class
     *     path ({@link UserClassPath#text()})
     * @throws IOException when stdout fails, such as when the engine is gone
     */
    public static void main(String[] args) throws IOException {
        String worker = (args.length > 0 ? args[0] : "process") + " (pid " + ProcessHandle.current().pid() + ")";
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        TaskRegistry registry = TaskRegistry.load(args.length > 1 ? UserClassPath.parse(args[1]) : UserClassPath.NONE);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        for (String frame = Frames.read(in); frame != null; frame = Frames.read(in)) {
            Map<String, Object> request = Json.readObject(frame);
            long requestId = Json.readLong(request, "id");
            Outcome outcome;
            try {
                outcome = registry.run(0, Json.readCall(request), worker, 1);
            } catch (RuntimeException e) {
                outcome = Outcome.failure(0, Call.of("?"), Outcome.trace(e), worker, 0, 1);
            }
            Frames.write(out, Json.writeReply(requestId, outcome));
        }
    }
}
