package dev.ranks.examples.books;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Palach's named pipe (Palach, <i>Parallel Programming with Python</i>, ch. 6, "Understanding
 * interprocess communication": {@code write_to_named_pipe.py} and {@code read_from_named_pipe.py}): a
 * writer process writes {@code Hello from pid [PID]} into a named pipe, and a reader process reads it
 * and prints {@code I pid [PID] received a message => Hello from pid [PID]}, two different PIDs.
 *
 * <p>The reader is this JVM and the writer a child JVM ({@link ChildJvm}), two real processes. The
 * platform is the answer here: the pipe is a POSIX FIFO, made as {@code os.mkfifo} makes it, by the
 * {@code mkfifo} command (Java has no call for it), and both sides open it as a file, so it works where
 * FIFOs do (Linux, macOS). Opening a FIFO blocks until the other side opens it, as in the book. The
 * book names its pipe {@code my_pipe} in the working directory; this one is {@code my_pipe} in a
 * temporary directory, removed at the end. (Ranks' own use of named pipes is the pipeline's {@code fifo}
 * engine: see docs/pipeline.md.) A plain {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.NamedPipe
 * I pid [16018] received a message =&gt; Hello from pid [16017]
 * </pre>
 */
public final class NamedPipe {
    private NamedPipe() {
    }

    /**
     * Makes the pipe, starts the writer and reads; or, with {@code --write PATH}, writes as the book's
     * writer does.
     *
     * @param args none, or {@code --write PATH} in the writer
     * @throws Exception if the pipe cannot be made or the writer fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--write")) {
            try (OutputStream pipe = Files.newOutputStream(Path.of(args[1]))) {
                pipe.write(("Hello from pid [" + ProcessHandle.current().pid() + "]").getBytes(StandardCharsets.US_ASCII));
            }
            return;
        }
        if (args.length != 0) {
            throw new IllegalArgumentException("NamedPipe: unexpected arguments " + String.join(" ", args) + ": expected none");
        }
        Path dir = Files.createTempDirectory("named-pipe");
        Path namedPipe = dir.resolve("my_pipe");
        try {
            mkfifo(namedPipe);
            Process writer = new ProcessBuilder(ChildJvm.command(NamedPipe.class, "--write", namedPipe.toString()))
                    .inheritIO().start();
            String message;
            try (InputStream pipe = Files.newInputStream(namedPipe)) {
                // the book reads 22 bytes, its message with a five-digit PID; reading to the end fits any PID
                message = new String(pipe.readAllBytes(), StandardCharsets.US_ASCII);
            }
            int exit = writer.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("NamedPipe: the writer process exited with " + exit);
            }
            System.out.println("I pid [" + ProcessHandle.current().pid() + "] received a message => " + message);
        } finally {
            Files.deleteIfExists(namedPipe);
            Files.delete(dir);
        }
    }

    /** {@code os.mkfifo(path)}. */
    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0 || !Files.exists(path)) {
            throw new IllegalStateException("NamedPipe: mkfifo " + path + " failed (exit " + mkfifo.exitValue()
                    + "): expected a system with POSIX named pipes and the mkfifo command");
        }
    }
}
