package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BrokerUrlTest {
    @Test
    void celeryStyleUrls() {
        BrokerUrl plain = BrokerUrl.parse("redis://localhost");
        assertEquals("localhost", plain.host());
        assertEquals(6379, plain.port());
        assertEquals(0, plain.database());
        assertNull(plain.password());
        BrokerUrl full = BrokerUrl.parse("redis://:pa%3Ass@cache.example:6380/2");
        assertNull(full.user());
        assertEquals("pa:ss", full.password());
        assertEquals(6380, full.port());
        assertEquals(2, full.database());
        assertEquals("redis://:***@cache.example:6380/2", full.toString());
        BrokerUrl acl = BrokerUrl.parse("rediss://app:secret@10.0.0.5:6390/1?ssl_cert_reqs=none");
        assertEquals("app", acl.user());
        assertTrue(acl.tls());
        assertFalse(acl.verifyPeer());
        assertEquals("rediss://app:***@10.0.0.5:6390/1", acl.toString());
        assertEquals("secret", BrokerUrl.parse("redis://secret@h/0").password(), "redis-py reads a lone user as the password");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://localhost:6379/0|the scheme is 'http'",
        "redis://:6379/0|names no host",
        "redis://localhost:6379/x|the database 'x' is not a number",
        "redis://localhost:99999/0|port 99999",
        "redis://localhost/0?visibility_timeout=5|the parameter 'visibility_timeout' is unknown",
        "redis://localhost/0?ssl_cert_reqs=none|need the rediss:// scheme",
        "rediss://localhost/0?ssl_cert_reqs=maybe|ssl_cert_reqs=maybe is unknown",
        "rediss://localhost/0?ssl_ca_certs=/no/such/ca.pem|/no/such/ca.pem cannot be read",
        "redis://user:hunter2@h:1:2/0|broker URL"})
    void badUrlsNameWhatIsWrong(String url, String expected) {
        RanksException e = assertThrows(RanksException.class, () -> BrokerUrl.parse(url));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
