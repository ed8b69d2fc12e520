package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerTest {
    @BeforeAll
    static void needsRedis() {
        RedisAssumptions.redisServer();
    }

    @Test
    void startsOnAFreeLoopbackPortAndAnswersPing() throws IOException {
        Path dir;
        try (RedisServer redis = RedisServer.builder().start()) {
            assertEquals("127.0.0.1", redis.host());
            assertTrue(redis.port() > 0);
            assertEquals("redis://127.0.0.1:" + redis.port() + "/0", redis.url());
            assertNull(redis.caCertificate());
            assertEquals("+PONG", rawCommand(redis.port(), "PING"));
            assertEquals("PONG", redis.command("PING"));
            dir = redis.dir();
            assertTrue(Files.isRegularFile(dir.resolve("redis.log")));
        }
        assertFalse(Files.exists(dir), "close deletes the temporary data directory");
    }

    @Test
    void restartKeepsTheDataOnTheSamePort() {
        try (RedisServer redis = RedisServer.builder().start()) {
            int port = redis.port();
            redis.command("RPUSH", "fibo_queue", "a", "b");
            redis.restart();
            assertEquals(port, redis.port());
            assertEquals("2", redis.command("LLEN", "fibo_queue"));
            redis.command("SET", "k", "v");
            redis.kill();
            assertFalse(redis.isRunning());
            redis.restart();
            assertEquals("v", redis.command("GET", "k"), "append-only keeps the writes of a killed server");
        }
    }

    @Test
    void withoutAppendOnlyARestartStartsEmpty() {
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start()) {
            redis.command("SET", "k", "v");
            redis.restart();
            assertEquals("0", redis.command("EXISTS", "k"));
        }
    }

    @Test
    void aPasswordIsRequired() throws IOException {
        String password = "s3cret pass/word@";
        try (RedisServer redis = RedisServer.builder().password(password).start()) {
            assertEquals("redis://:s3cret%20pass%2Fword%40@127.0.0.1:" + redis.port() + "/0", redis.url());
            assertTrue(rawCommand(redis.port(), "PING").startsWith("-NOAUTH"), "PING without AUTH is refused");
            assertTrue(rawCommand(redis.port(), "AUTH", "wrong").startsWith("-WRONGPASS"));
            assertEquals("+OK", rawCommand(redis.port(), "AUTH", password));
            assertEquals("PONG", redis.command("PING"));
        }
    }

    @Test
    void anAclUserLogsInAndTheDefaultUserCannot() throws IOException {
        try (RedisServer redis = RedisServer.builder().aclUser("ranks", "p@ss:word").start()) {
            assertEquals("redis://ranks:p%40ss%3Aword@127.0.0.1:" + redis.port() + "/0", redis.url());
            assertEquals("+OK", rawCommand(redis.port(), "AUTH", "ranks", "p@ss:word"));
            assertTrue(rawCommand(redis.port(), "AUTH", "default", "").startsWith("-WRONGPASS"));
            assertTrue(rawCommand(redis.port(), "PING").startsWith("-NOAUTH"));
            assertEquals("ranks", redis.command("ACL", "WHOAMI"));
        }
    }

    @Test
    void tlsServesOnlyTlsWithACertificateFor127001SignedByTheCa() throws Exception {
        try (RedisServer redis = RedisServer.builder().tls(true).password("pw").start()) {
            Path ca = redis.caCertificate();
            assertTrue(Files.readString(ca).startsWith("-----BEGIN CERTIFICATE-----"));
            assertEquals("rediss://:pw@127.0.0.1:" + redis.port() + "/0?ssl_cert_reqs=required&ssl_ca_certs="
                    + RedisServer.percentEncode(ca.toString()), redis.url());
            assertEquals("+OK", tlsCommand(redis.trustingCa(), redis.port(), "AUTH", "pw"));
            assertEquals("PONG", redis.command("PING"));
            SSLContext trustsNothingOfOurs = SSLContext.getInstance("TLS");
            trustsNothingOfOurs.init(null, null, null);
            assertThrows(SSLHandshakeException.class, () -> tlsCommand(trustsNothingOfOurs, redis.port(), "PING"),
                    "the JDK's default trust store does not know the generated CA");
            assertThrows(IOException.class, () -> rawCommand(redis.port(), "PING"), "the port does not speak plain RESP");
            redis.restart();
            assertEquals(Files.readString(ca), Files.readString(redis.caCertificate()), "the CA survives a restart");
            assertEquals("+OK", tlsCommand(redis.trustingCa(), redis.port(), "AUTH", "pw"));
        }
    }

    @Test
    void killEndsTheProcessAtOnce() {
        try (RedisServer redis = RedisServer.builder().start()) {
            int port = redis.port();
            redis.kill();
            assertFalse(redis.isRunning());
            assertThrows(IOException.class, () -> rawCommand(port, "PING"));
        }
    }

    @Test
    void aKeptDataDirectoryIsNotDeleted(@TempDir Path tmp) {
        Path dir = tmp.resolve("data");
        try (RedisServer redis = RedisServer.builder().dir(dir).start()) {
            redis.command("SET", "k", "v");
        }
        assertTrue(Files.isRegularFile(dir.resolve("redis.conf")));
        try (RedisServer again = RedisServer.builder().dir(dir).start()) {
            assertEquals("v", again.command("GET", "k"));
        }
    }

    @Test
    void aBusyPortIsAnArgumentErrorNamingThePort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            RedisServer.Builder builder = RedisServer.builder().port(busy.getLocalPort());
            RanksException e = assertThrows(RanksException.class, builder::start);
            assertEquals(ErrorClass.ARG, e.errorClass());
            assertTrue(e.getMessage().contains("port " + busy.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void badSettingsAreArgumentErrors() {
        RanksException port = assertThrows(RanksException.class, () -> RedisServer.builder().port(70_000));
        assertEquals(ErrorClass.ARG, port.errorClass());
        assertTrue(port.getMessage().contains("70000"));
        RanksException user = assertThrows(RanksException.class, () -> RedisServer.builder().aclUser("u", ""));
        assertEquals(ErrorClass.ARG, user.errorClass());
    }

    /** Sends one command in RESP on a plain socket and returns the first reply line. */
    private static String rawCommand(int port, String... args) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return exchange(socket, args);
        }
    }

    private static String tlsCommand(SSLContext context, int port, String... args) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            return exchange(socket, args);
        }
    }

    private static String exchange(Socket socket, String... args) throws IOException {
        socket.setSoTimeout(5_000);
        StringBuilder resp = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            resp.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("closed after '" + line + "'");
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
