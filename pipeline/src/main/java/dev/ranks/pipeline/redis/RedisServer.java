package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real {@code redis-server} (Debian's package {@code redis-server}) run as a child process on
 * loopback, for tests and for {@code launcher redis-up}. The builder writes a {@code redis.conf}
 * into the data directory (AUTH by password or ACL user, TLS with certificates made by the
 * {@code openssl} command, append-only persistence), {@link Builder#start()} waits until the server
 * answers PING, and {@link #url()} gives the broker URL that Ranks and Celery both read.
 *
 * <p>No server outlives its JVM: {@link #close()} stops it, and a shutdown hook stops every server
 * still running when the JVM exits normally or on SIGTERM/SIGINT. Only a JVM killed with SIGKILL
 * leaves its server behind, as Java cannot ask the kernel to end a child with its parent.
 */
public final class RedisServer implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Path DEBIAN_SERVER = Path.of("/usr/bin/redis-server");
    private static final String INSTALL = "install it with: apt-get install redis-server";
    private static final long READY_MILLIS = 10_000;
    private static final long STOP_MILLIS = 10_000;
    private static final int LOG_TAIL_LINES = 15;
    /** Tries at a port picked free before giving up: another process may take it before redis binds it. */
    private static final int FREE_PORT_TRIES = 3;
    private static final Set<RedisServer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(RedisServer::close),
                "ranks-redis-server-stop"));
    }

    private final Path dir;
    private final boolean ownsDir;
    private final String user;
    private final String password;
    private final boolean tls;
    private final boolean appendOnly;
    private final boolean portPicked;
    private int port;
    private Process process;
    private boolean closed;

    private RedisServer(Builder b, Path dir, boolean ownsDir) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.user = b.user;
        this.password = b.password;
        this.tls = b.tls;
        this.appendOnly = b.appendOnly;
        this.portPicked = b.port == 0;
        this.port = b.port;
    }

    /**
     * Says why no server can be started here.
     *
     * @return null when {@code redis-server} is on the PATH or in /usr/bin, else why not and how to
     *     install it
     */
    public static String unavailableReason() {
        return executable() != null ? null
                : "redis-server is not installed: it is neither on the PATH nor " + DEBIAN_SERVER + "; " + INSTALL;
    }

    /**
     * Starts describing a server: a free loopback port, a fresh temporary data directory, no AUTH,
     * no TLS, append-only persistence.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** What server to start; {@link #start()} starts it. */
    public static final class Builder {
        private int port;
        private Path dir;
        private String user;
        private String password;
        private boolean tls;
        private boolean appendOnly = true;

        private Builder() {
        }

        /**
         * Sets the port to listen on.
         *
         * @param port 1 to 65535, or 0 (the default) for a free loopback port picked at start
         * @return this builder
         * @throws RanksException ({@link ErrorClass#ARG}) when the port is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new RanksException(ErrorClass.ARG, "port " + port + " is invalid: expected 1 to 65535, or 0 for a"
                        + " free port");
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the data directory, kept on close; made when missing.
         *
         * @param dir where the config, log, append-only files and certificates go; the default is a
         *     fresh temporary directory deleted on close
         * @return this builder
         */
        public Builder dir(Path dir) {
            this.dir = dir;
            return this;
        }

        /**
         * Requires a password of the default user ({@code requirepass}).
         *
         * @param password the password, or null for none
         * @return this builder
         */
        public Builder password(String password) {
            this.user = null;
            this.password = password;
            return this;
        }

        /**
         * Creates an ACL user allowed everything ({@code +@all ~* &*}) and turns the default user
         * off, so that only this user can log in. Replaces a {@link #password(String)}.
         *
         * @param user the user name
         * @param password the user's password
         * @return this builder
         * @throws RanksException ({@link ErrorClass#ARG}) when either is null or empty
         */
        public Builder aclUser(String user, String password) {
            if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
                throw new RanksException(ErrorClass.ARG, "ACL user '" + user + "' needs a name and a password: expected"
                        + " both non-empty");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Serves TLS only (the plain port is off) with a CA and a server certificate for 127.0.0.1
         * and localhost, made with {@code openssl} in the data directory once and reused after.
         *
         * @param on whether to serve TLS
         * @return this builder
         */
        public Builder tls(boolean on) {
            this.tls = on;
            return this;
        }

        /**
         * Turns append-only persistence on or off; with it on, a {@link RedisServer#restart()} or
         * even a {@link RedisServer#kill()} and start keeps every write.
         *
         * @param on whether to write the append-only file (default true)
         * @return this builder
         */
        public Builder appendOnly(boolean on) {
            this.appendOnly = on;
            return this;
        }

        /**
         * Starts the server and waits until it answers PING (after AUTH where one is set).
         *
         * @return the running server
         * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when redis-server or openssl is
         *     missing or the server does not answer within 10 s (the message holds its log's last
         *     lines); ({@link ErrorClass#ARG}) when the port asked for is taken
         */
        public RedisServer start() {
            String missing = unavailableReason();
            if (missing != null) {
                throw new RanksException(ErrorClass.UNAVAILABLE, missing);
            }
            boolean temporary = dir == null;
            Path data;
            try {
                data = temporary ? Files.createTempDirectory("ranks-redis") : Files.createDirectories(dir);
            } catch (IOException e) {
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot make the redis data directory "
                        + (dir != null ? dir : "in " + System.getProperty("java.io.tmpdir")) + ": " + e.getMessage(), e);
            }
            RedisServer server = new RedisServer(this, data.toAbsolutePath(), temporary);
            try {
                server.launch();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        }
    }

    /** @return the address the server listens on, 127.0.0.1 */
    public String host() {
        return LOOPBACK;
    }

    /** @return the port the server listens on (its TLS port under TLS) */
    public synchronized int port() {
        return port;
    }

    /**
     * The broker URL of this server, database 0, as Ranks and Celery read it:
     * {@code redis://[user:password@]127.0.0.1:PORT/0}, or under TLS
     * {@code rediss://…/0?ssl_cert_reqs=required&ssl_ca_certs=CA} (Celery's result backend refuses
     * a {@code rediss} URL without {@code ssl_cert_reqs}). The user, password and CA path are
     * percent-encoded.
     *
     * @return the URL
     */
    public synchronized String url() {
        StringBuilder url = new StringBuilder(tls ? "rediss://" : "redis://");
        if (password != null) {
            url.append(user != null ? percentEncode(user) : "").append(':').append(percentEncode(password)).append('@');
        }
        url.append(LOOPBACK).append(':').append(port).append("/0");
        if (tls) {
            url.append("?ssl_cert_reqs=required&ssl_ca_certs=").append(percentEncode(caCertificate().toString()));
        }
        return url.toString();
    }

    /** @return the PEM file of the CA that signed the server's certificate, or null without TLS */
    public Path caCertificate() {
        return tls ? dir.resolve(Certificates.CA_CERT) : null;
    }

    /** @return the data directory: config, {@code redis.log}, append-only files, certificates */
    public Path dir() {
        return dir;
    }

    /** @return the server's process id, or -1 when it is not running */
    public synchronized long pid() {
        return process != null ? process.pid() : -1;
    }

    /** @return whether the server process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until the server exits by itself (a client's SHUTDOWN, a crash) or is stopped from
     * another thread, as a foreground {@code launcher redis-up} does.
     *
     * @return its exit status: 0 after a clean shutdown, and when it is not running
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public int waitFor() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        return running == null ? 0 : running.waitFor();
    }

    /**
     * Shuts the server down gracefully with SIGTERM, which Redis handles as SHUTDOWN (the
     * append-only file is flushed and synced), and waits for it to exit; SIGKILL after 10 s. Does
     * nothing when it is not running.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        RUNNING.remove(this);
    }

    /**
     * Kills the server with SIGKILL, as a crash would, and waits for it to exit. Writes since the
     * last append-only fsync (at most about a second's, by Redis's {@code everysec}) may be lost.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        RUNNING.remove(this);
    }

    /**
     * Stops the server if it runs and starts it again on the same port and data directory.
     *
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when it does not come back (see
     *     {@link Builder#start()}); ({@link ErrorClass#ARG}) when it was closed
     */
    public synchronized void restart() {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "redis-server on port " + port + " is closed: expected a server"
                    + " that is running or stopped");
        }
        stop();
        startProcess(port, false);
    }

    /**
     * Runs {@code redis-cli} against this server with its credentials and CA, for tests and
     * diagnostics.
     *
     * @param args the command and its arguments, such as {@code "LLEN", "celery"}
     * @return what redis-cli printed on stdout, without the last line break; an error reply is
     *     printed, not thrown, as redis-cli exits 0 on those
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}) when redis-cli is missing, fails or
     *     takes more than 10 s
     */
    public String command(String... args) {
        List<String> cli = new ArrayList<>(List.of(cliExecutable(), "--no-auth-warning", "-h", LOOPBACK,
                "-p", Integer.toString(port())));
        if (user != null) {
            cli.addAll(List.of("--user", user));
        }
        if (tls) {
            cli.addAll(List.of("--tls", "--cacert", caCertificate().toString()));
        }
        cli.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cli);
        if (password != null) {
            // The environment, not -a: a password on the command line shows in ps.
            pb.environment().put("REDISCLI_AUTH", password);
        }
        Run run = Run.of(pb, READY_MILLIS);
        if (run.exitCode != 0) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "redis-cli " + String.join(" ", args) + " failed with exit "
                    + run.exitCode + ": " + run.output.strip());
        }
        return run.output.endsWith("\n") ? run.output.substring(0, run.output.length() - 1) : run.output;
    }

    /** Stops the server if it runs and deletes its data directory when that was a temporary one. */
    @Override
    public synchronized void close() {
        stop();
        if (closed) {
            return;
        }
        closed = true;
        if (ownsDir) {
            Trees.delete(dir);
        }
    }

    @Override
    public String toString() {
        return "redis-server " + url().replaceAll("//[^@/]*@", "//***@") + " (" + dir + ")";
    }

    private void launch() {
        if (tls) {
            Certificates.ensure(dir);
        }
        if (!portPicked) {
            checkFree(port);
            startProcess(port, false);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            int candidate = freePort();
            try {
                startProcess(candidate, true);
                return;
            } catch (PortTaken e) {
                if (attempt == FREE_PORT_TRIES) {
                    throw new RanksException(ErrorClass.UNAVAILABLE, -1, e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Starts redis-server on a port and waits for its PONG; {@code mayRetry} says the caller picks
     * another port when this one was taken meanwhile ({@link PortTaken}).
     */
    private synchronized void startProcess(int listen, boolean mayRetry) {
        port = listen;
        Path conf = dir.resolve("redis.conf");
        Path log = dir.resolve("redis.log");
        Path out = dir.resolve("redis.out");
        try {
            Files.deleteIfExists(log);
            Files.writeString(conf, config(listen));
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
            process = new ProcessBuilder(executable().toString(), conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot start " + executable() + " in " + dir + ": "
                    + e.getMessage(), e);
        }
        RUNNING.add(this);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail(log, out);
                process = null;
                RUNNING.remove(this);
                if (tail.contains("Address already in use")) {
                    String taken = "port " + listen + " on " + LOOPBACK + " is in use by another process";
                    if (mayRetry) {
                        throw new PortTaken(taken);
                    }
                    throw new RanksException(ErrorClass.ARG, taken + ": expected a free port");
                }
                throw new RanksException(ErrorClass.UNAVAILABLE, "redis-server exited before it answered PING on "
                        + LOOPBACK + ":" + listen + "; the last lines of its log:\n" + tail);
            }
            lastAnswer = ping(listen);
            if (lastAnswer == null) {
                return;
            }
            sleep(50);
        }
        String tail = logTail(log, out);
        kill();
        throw new RanksException(ErrorClass.UNAVAILABLE, "redis-server did not answer PING on " + LOOPBACK + ":" + listen
                + " within " + READY_MILLIS / 1000 + " s (last answer: " + lastAnswer + "); the last lines of its log:\n"
                + tail);
    }

    /** Returns null when the server answered PING with PONG, else what happened instead. */
    private String ping(int listen) {
        try (Socket socket = connect(listen)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(user != null ? Resp.command("AUTH", user, password) : Resp.command("AUTH", password));
                out.flush();
                String auth = Resp.readLine(in);
                if (!auth.equals("+OK")) {
                    return "AUTH answered " + auth;
                }
            }
            out.write(Resp.command("PING"));
            out.flush();
            String pong = Resp.readLine(in);
            return pong.equals("+PONG") ? null : "PING answered " + pong;
        } catch (IOException | GeneralSecurityException e) {
            return e.toString();
        }
    }

    private Socket connect(int listen) throws IOException, GeneralSecurityException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(LOOPBACK), listen);
        if (!tls) {
            Socket socket = new Socket();
            socket.connect(address, 1_000);
            return socket;
        }
        SSLSocket socket = (SSLSocket) trustingCa().getSocketFactory().createSocket();
        socket.connect(address, 1_000);
        SSLParameters params = socket.getSSLParameters();
        // Checks the certificate names 127.0.0.1, as a client's hostname check would.
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }

    /**
     * An SSL context that trusts only this server's CA, for a Java client of a TLS server.
     *
     * @return the context
     * @throws RanksException ({@link ErrorClass#ARG}) without TLS; ({@link ErrorClass#UNAVAILABLE})
     *     when the CA file cannot be read
     */
    public SSLContext trustingCa() {
        if (!tls) {
            throw new RanksException(ErrorClass.ARG, "redis-server on port " + port + " serves no TLS: expected one"
                    + " built with tls(true)");
        }
        try (InputStream pem = Files.newInputStream(caCertificate())) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ranks-redis-ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot load the CA certificate " + caCertificate() + ": "
                    + e.getMessage(), e);
        }
    }

    private String config(int listen) {
        StringBuilder c = new StringBuilder("# Written by Ranks (dev.ranks.pipeline.redis.RedisServer) on every start.\n");
        line(c, "bind", LOOPBACK);
        line(c, "protected-mode", "yes");
        line(c, "daemonize", "no");
        line(c, "dir", dir.toString());
        line(c, "logfile", dir.resolve("redis.log").toString());
        line(c, "always-show-logo", "no");
        // No RDB snapshots: the append-only file is the persistence, and snapshots would fork.
        line(c, "save", "");
        line(c, "appendonly", appendOnly ? "yes" : "no");
        if (tls) {
            line(c, "port", "0");
            line(c, "tls-port", Integer.toString(listen));
            line(c, "tls-cert-file", dir.resolve(Certificates.SERVER_CERT).toString());
            line(c, "tls-key-file", dir.resolve(Certificates.SERVER_KEY).toString());
            line(c, "tls-ca-cert-file", dir.resolve(Certificates.CA_CERT).toString());
            line(c, "tls-auth-clients", "no");
        } else {
            line(c, "port", Integer.toString(listen));
        }
        if (password != null && user == null) {
            line(c, "requirepass", password);
        } else if (user != null) {
            line(c, "user", user, "on", ">" + password, "~*", "&*", "+@all");
            line(c, "user", "default", "off");
        }
        return c.toString();
    }

    /** Appends a config line with every argument double-quoted as Redis's config parser reads it. */
    private static void line(StringBuilder c, String directive, String... args) {
        c.append(directive);
        for (String arg : args) {
            c.append(" \"");
            for (byte b : arg.getBytes(StandardCharsets.UTF_8)) {
                int u = b & 0xff;
                if (u == '"' || u == '\\') {
                    c.append('\\').append((char) u);
                } else if (u < 0x20 || u >= 0x7f) {
                    c.append("\\x").append(HexFormat.of().toHexDigits((byte) u));
                } else {
                    c.append((char) u);
                }
            }
            c.append('"');
        }
        c.append('\n');
    }

    private static void checkFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (BindException e) {
            throw new RanksException(ErrorClass.ARG, -1, "port " + port + " on " + LOOPBACK + " is in use by another"
                    + " process: expected a free port", e);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot check port " + port + " on " + LOOPBACK + ": "
                    + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot find a free port on " + LOOPBACK + ": "
                    + e.getMessage(), e);
        }
    }

    private static String logTail(Path log, Path out) {
        List<String> lines = new ArrayList<>();
        for (Path file : List.of(out, log)) {
            try {
                if (Files.exists(file)) {
                    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                    lines.addAll(all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
                }
            } catch (IOException e) {
                lines.add("(cannot read " + file + ": " + e.getMessage() + ")");
            }
        }
        return lines.isEmpty() ? "(empty; see " + log + ")" : String.join("\n", lines);
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, for the user info and query of a URL. */
    static String percentEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int u = x & 0xff;
            if (u >= 'a' && u <= 'z' || u >= 'A' && u <= 'Z' || u >= '0' && u <= '9' || "-._~".indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) u));
            }
        }
        return b.toString();
    }

    private static Path executable() {
        return onPath("redis-server", DEBIAN_SERVER);
    }

    private static String cliExecutable() {
        Path cli = onPath("redis-cli", Path.of("/usr/bin/redis-cli"));
        if (cli == null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "redis-cli is not installed: " + INSTALL);
        }
        return cli.toString();
    }

    /** Finds a program on the PATH, else at its Debian place; null when at neither. */
    static Path onPath(String name, Path fallback) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return Files.isExecutable(fallback) ? fallback : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while waiting for redis-server", e);
        }
    }

    /** The server could not bind a port picked free a moment before: another process took it. */
    private static final class PortTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTaken(String message) {
            super(message);
        }
    }

    /** The bits of RESP, Redis's wire protocol, that the readiness check needs. */
    private static final class Resp {
        private Resp() {
        }

        static byte[] command(String... args) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                b.writeBytes(bytes);
                b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            return b.toByteArray();
        }

        /** Reads one reply line, such as {@code +PONG} or {@code -NOAUTH …}, without its CRLF. */
        static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed after '" + line.toString(StandardCharsets.UTF_8) + "'");
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.UTF_8);
        }
    }

    /** A finished child process's exit code and output. */
    private record Run(int exitCode, String output) {
        static Run of(ProcessBuilder pb, long timeoutMillis) {
            pb.redirectErrorStream(true);
            try {
                Process p = pb.start();
                p.getOutputStream().close();
                // The output is read on this thread until the process ends; the reaper ends a hung one.
                Thread reaper = new Thread(() -> {
                    try {
                        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                    }
                }, "ranks-child-timeout");
                reaper.setDaemon(true);
                reaper.start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new Run(p.waitFor(), output);
            } catch (IOException e) {
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot run " + pb.command().get(0) + ": "
                        + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "interrupted while running " + pb.command().get(0), e);
            }
        }
    }

    /** The CA and server certificate of a TLS server, made once per data directory with openssl. */
    private static final class Certificates {
        static final String CA_CERT = "ca.pem";
        static final String CA_KEY = "ca.key";
        static final String SERVER_CERT = "redis.pem";
        static final String SERVER_KEY = "redis.key";

        private Certificates() {
        }

        static void ensure(Path dir) {
            if (Stream.of(CA_CERT, CA_KEY, SERVER_CERT, SERVER_KEY).allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                return;
            }
            Path openssl = onPath("openssl", Path.of("/usr/bin/openssl"));
            if (openssl == null) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "openssl is not installed, and a TLS redis-server needs"
                        + " it to make its certificates: install it with: apt-get install openssl");
            }
            String o = openssl.toString();
            String days = "3650";
            // EC keys: generated in milliseconds where RSA takes a noticeable while.
            String ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
            List<String> ca = new ArrayList<>(List.of(o, "req", "-x509"));
            ca.addAll(List.of(ec.split(" ")));
            ca.addAll(List.of("-keyout", CA_KEY, "-out", CA_CERT, "-days", days, "-subj", "/CN=Ranks test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
            openssl(dir, ca);
            List<String> csr = new ArrayList<>(List.of(o, "req"));
            csr.addAll(List.of(ec.split(" ")));
            csr.addAll(List.of("-keyout", SERVER_KEY, "-out", "redis.csr", "-subj", "/CN=localhost"));
            openssl(dir, csr);
            Path ext = dir.resolve("redis.ext");
            try {
                Files.writeString(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                        + "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
            } catch (IOException e) {
                throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot write " + ext + ": " + e.getMessage(), e);
            }
            String serial = "0x" + HexFormat.of().formatHex(randomSerial());
            openssl(dir, List.of(o, "x509", "-req", "-in", "redis.csr", "-CA", CA_CERT, "-CAkey", CA_KEY,
                    "-set_serial", serial, "-out", SERVER_CERT, "-days", days, "-extfile", ext.getFileName().toString()));
        }

        private static byte[] randomSerial() {
            byte[] serial = new byte[8];
            new SecureRandom().nextBytes(serial);
            // A positive serial: the top bit would make the DER integer negative.
            serial[0] &= 0x7f;
            return serial;
        }

        private static void openssl(Path dir, List<String> command) {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            Map<String, String> env = pb.environment();
            // A user's RANDFILE or config must not redirect where keys and serials go.
            env.remove("RANDFILE");
            Run run = Run.of(pb, 30_000);
            if (run.exitCode != 0) {
                throw new RanksException(ErrorClass.UNAVAILABLE, String.join(" ", command) + " failed with exit "
                        + run.exitCode + ": " + run.output.strip());
            }
        }
    }
}
