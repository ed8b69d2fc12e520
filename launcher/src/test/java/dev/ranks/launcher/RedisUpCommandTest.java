package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.CeleryMessage;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.TaskQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code launcher redis-up} in process; SIGTERM to a launcher JVM of its own is in {@code RedisUpIT}. */
class RedisUpCommandTest {
    private static final Pattern BROKER = Pattern.compile("broker: redis://:pw@127\\.0\\.0\\.1:(\\d+)/0\n");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsRedis() {
        String why = RedisServer.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @Test
    void servesUntilAClientShutsItDownAndKeepsItsDataInTheDirectory() throws Exception {
        Path dir = tmp.resolve("redis");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine launcher = Launcher.commandLine();
        launcher.setOut(new PrintWriter(out, true));
        launcher.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> launcher.execute(
                "redis-up", "--port", "0", "--dir", dir.toString(), "--password", "pw"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Matcher broker = BROKER.matcher("");
        // stdout's broker line and stderr's serves line are written one after the other: wait for both
        while (!exit.isDone() && !(broker.reset(out.toString()).find() && err.toString().contains(" serves "))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(broker.reset(out.toString()).matches(), () -> "stdout: " + out + "\nstderr: " + err);
        int port = Integer.parseInt(broker.group(1));
        assertTrue(err.toString().contains("serves 127.0.0.1:" + port), err::toString);

        assertEquals("+OK", send(port, "pw", "SET", "k", "v"));
        assertEquals("(closed)", send(port, "pw", "SHUTDOWN"), "a server shutting down closes the connection");

        assertEquals(0, exit.get(15, TimeUnit.SECONDS), () -> "stderr: " + err);
        assertTrue(Files.readString(dir.resolve("redis.log")).contains("ready to exit"));
        try (RedisServer again = RedisServer.builder().dir(dir).password("pw").start()) {
            assertEquals("v", again.command("GET", "k"), "the append-only file in --dir kept the write");
        }
    }

    @Test
    void saysWhatAnEarlierRunLeftAndFreshStartsEmpty() throws Exception {
        Path dir = tmp.resolve("kept");
        try (RedisServer earlier = RedisServer.builder().dir(dir).password("pw").start()) {
            try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(earlier.url()), System.err)) {
                client.sendAll(List.of(CeleryMessage.of(Call.of("fib", 1), "fibo_queue"),
                        CeleryMessage.of(Call.of("fib", 2), "fibo_queue"), CeleryMessage.of(Call.of("sqrt", 2), "sqrt_queue")));
            }
        }
        String[] kept = upAndDown("--dir", dir.toString(), "--password", "pw");
        assertTrue(kept[1].contains("3 message(s) waiting and 0 in flight from an earlier run, in fibo_queue (2),"
                + " sqrt_queue (1) (kept in " + dir.toAbsolutePath() + "): the next worker runs them; 'launcher queues'"
                + " shows them, 'launcher redis-up --fresh' starts empty"), kept[1]);
        assertTrue(upAndDown("--dir", dir.toString(), "--password", "pw")[1].contains("3 message(s) waiting"),
                "an unchanged restart says so again");
        String[] fresh = upAndDown("--dir", dir.toString(), "--password", "pw", "--fresh");
        assertFalse(fresh[1].contains("earlier run"), fresh[1]);
        assertFalse(upAndDown("--dir", dir.toString(), "--password", "pw")[1].contains("earlier run"),
                "--fresh deleted what was kept");
    }

    /** Runs redis-up in process until it serves, then shuts it down with SHUTDOWN; returns its stdout and stderr. */
    private static String[] upAndDown(String... options) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine launcher = Launcher.commandLine();
        launcher.setOut(new PrintWriter(out, true));
        launcher.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("redis-up", "--port", "0"));
        args.addAll(List.of(options));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> launcher.execute(args.toArray(String[]::new)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Matcher broker = BROKER.matcher("");
        while (!exit.isDone() && !(broker.reset(out.toString()).find() && err.toString().contains(" serves "))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(broker.reset(out.toString()).find(), () -> "stdout: " + out + "\nstderr: " + err);
        send(Integer.parseInt(broker.group(1)), "pw", "SHUTDOWN");
        assertEquals(0, exit.get(15, TimeUnit.SECONDS), err::toString);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void aBusyPortExitsTwoNamingThePort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("redis-up", "--port", Integer.toString(busy.getLocalPort()), "--dir",
                    tmp.resolve("busy").toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("port " + busy.getLocalPort() + " on 127.0.0.1 is in use"), run::toString);
            assertTrue(run.err().contains("--port"), run::toString);
        }
    }

    @Test
    void aPortOutOfRangeExitsTwo() {
        CliRun run = CliRun.of("redis-up", "--port", "70000", "--dir", tmp.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--port 70000 is invalid"), run::toString);
    }

    /**
     * Sends AUTH with the password and then a command, in RESP on one connection, and returns the
     * first line of the command's reply, or {@code (closed)} when the server closed the connection.
     * One at a time: a server shutting down may never write the replies of earlier commands in the
     * same read.
     */
    private static String send(int port, String password, String... command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(resp("AUTH", password));
            out.flush();
            assertEquals("+OK", readLine(in), "AUTH");
            out.write(resp(command));
            out.flush();
            String reply = readLine(in);
            return reply == null ? "(closed)" : reply;
        }
    }

    private static byte[] resp(String... words) {
        StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
