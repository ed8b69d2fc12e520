package dev.ranks.pipeline.redis;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * A broker URL in the form Celery and redis-py accept:
 * {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://…} for TLS, with the
 * query parameters {@code ssl_cert_reqs} ({@code required}, the default, or {@code none}) and
 * {@code ssl_ca_certs} (a PEM file of trusted certificates; without it the JVM's trust store is
 * used). A password alone is Redis's {@code requirepass}; a user and a password log in as an ACL
 * user. {@link #toString()} never shows the password.
 *
 * @param tls whether the scheme is {@code rediss}
 * @param user the ACL user, or null for the default user
 * @param password the password, or null
 * @param host the host name or address
 * @param port the port, 6379 unless given
 * @param database the database number, 0 unless given
 * @param verifyPeer whether a TLS server's certificate and host name are checked
 * @param caCertificates a PEM file of trusted certificates, or null
 */
public record BrokerUrl(boolean tls, String user, String password, String host, int port, int database,
        boolean verifyPeer, Path caCertificates) {

    /** The broker of a local {@code launcher redis-up}: {@code redis://127.0.0.1:6379/0}. */
    public static final String LOCAL = "redis://127.0.0.1:6379/0";

    private static final List<String> PARAMETERS = List.of("ssl_cert_reqs", "ssl_ca_certs");

    /**
     * Parses a broker URL.
     *
     * @param text such as {@code redis://:secret@cache.example:6380/2}
     * @return the parsed URL
     * @throws RanksException ({@link ErrorClass#ARG}) naming the URL and what is wrong with it
     */
    public static BrokerUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "it is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw bad(text, e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw bad(text, "the scheme is '" + scheme + "'; expected redis or rediss");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(text, "it names no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        if (port < 1 || port > 65535) {
            throw bad(text, "port " + port + " is outside 1 to 65535");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? info : info.substring(0, colon);
            user = rawUser.isEmpty() ? null : decode(rawUser);
            password = colon < 0 ? null : decode(info.substring(colon + 1));
            if (colon < 0) {
                // redis-py reads a lone user-info part as the password (redis://secret@host)
                password = user;
                user = null;
            }
        }
        int database = database(text, uri.getPath());
        Map<String, String> query = query(text, uri.getRawQuery());
        boolean tls = "rediss".equals(scheme);
        boolean verify = true;
        String reqs = query.get("ssl_cert_reqs");
        if (reqs != null) {
            switch (reqs.toLowerCase(java.util.Locale.ROOT)) {
                case "required", "cert_required" -> verify = true;
                case "none", "cert_none" -> verify = false;
                default -> throw bad(text, "ssl_cert_reqs=" + reqs + " is unknown; expected required or none");
            }
        }
        Path ca = null;
        if (query.containsKey("ssl_ca_certs")) {
            ca = Path.of(query.get("ssl_ca_certs"));
            if (!Files.isReadable(ca)) {
                throw bad(text, "ssl_ca_certs file " + ca + " cannot be read");
            }
        }
        if (!tls && (reqs != null || ca != null)) {
            throw bad(text, "ssl_cert_reqs and ssl_ca_certs need the rediss:// scheme");
        }
        return new BrokerUrl(tls, user, password, host, port, database, verify, ca);
    }

    private static int database(String text, String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        String digits = path.substring(1);
        try {
            int db = Integer.parseInt(digits);
            if (db < 0) {
                throw bad(text, "database " + db + " is negative");
            }
            return db;
        } catch (NumberFormatException e) {
            throw bad(text, "the database '" + digits + "' is not a number");
        }
    }

    private static Map<String, String> query(String text, String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!PARAMETERS.contains(key)) {
                throw bad(text, "the parameter '" + key + "' is unknown; expected " + String.join(" or ", PARAMETERS));
            }
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static RanksException bad(String text, String why) {
        return new RanksException(ErrorClass.ARG, "broker URL '" + redact(text) + "' is invalid: " + why
                + "; the form is redis://[[user]:password@]host[:port][/db] or rediss://…");
    }

    private static String redact(String text) {
        return text == null ? null : text.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@");
    }

    /** @return host and port for Jedis */
    public HostAndPort address() {
        return new HostAndPort(host, port);
    }

    /**
     * The Jedis settings for this broker: credentials, database and TLS.
     *
     * @param timeoutMillis the connect and socket timeout; a blocking command must wait less
     * @param clientName the name {@code CLIENT LIST} shows, or null
     * @return the settings
     * @throws RanksException ({@link ErrorClass#ARG}) when the CA file cannot be read
     */
    public JedisClientConfig clientConfig(int timeoutMillis, String clientName) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis).socketTimeoutMillis(timeoutMillis)
                .database(database).clientName(clientName);
        if (password != null) {
            builder.user(user).password(password);
        }
        if (tls) {
            builder.ssl(true).sslSocketFactory(socketFactory());
            if (verifyPeer) {
                SSLParameters parameters = new SSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                builder.sslParameters(parameters);
            }
        }
        return builder.build();
    }

    private SSLSocketFactory socketFactory() {
        try {
            TrustManager[] trust;
            if (!verifyPeer) {
                trust = new TrustManager[] {new TrustAll()};
            } else if (caCertificates != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                try (InputStream in = Files.newInputStream(caCertificates)) {
                    int i = 0;
                    for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("ca-" + i++, certificate);
                    }
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                trust = factory.getTrustManagers();
            } else {
                trust = null;
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, new SecureRandom());
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new RanksException(ErrorClass.ARG, -1, "TLS settings of broker " + this + " cannot be used: " + e, e);
        }
    }

    /** @return the URL with the password replaced by {@code ***} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null || password != null) {
            text.append(user == null ? "" : user).append(password == null ? "" : ":***").append('@');
        }
        text.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
        return text.toString();
    }

    /** Accepts any certificate: what {@code ssl_cert_reqs=none} asks for. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // ssl_cert_reqs=none: the user asked for no verification
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // ssl_cert_reqs=none: the user asked for no verification
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
