package dev.ranks.hostfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ranks.comm.ErrorClass;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadHostfileTest {
    private static final String HOST_NAME = "letters, digits, '-', '.' and '_', or an IPv4 address";

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                Arguments.of("node01 slots=abc",
                        "bad slot count 'abc' in \"node01 slots=abc\": expected a positive integer"),
                Arguments.of("  node01 slots=abc   # four, really",
                        "bad slot count 'abc' in \"node01 slots=abc\": expected a positive integer"),
                Arguments.of("node01:", "bad slot count '' in \"node01:\": expected a positive integer"),
                Arguments.of("node01:-2", "bad slot count '-2' in \"node01:-2\": expected a positive integer"),
                Arguments.of("node01 slots=0",
                        "bad slot count '0' in \"node01 slots=0\": expected a positive integer"),
                Arguments.of("node01 slots=+3",
                        "bad slot count '+3' in \"node01 slots=+3\": expected a positive integer"),
                Arguments.of("node01 slots=99999999999", "slot count '99999999999' is too large in"
                        + " \"node01 slots=99999999999\": expected at most 2147483647"),
                Arguments.of("slots=0",
                        "missing host name before 'slots=0' in \"slots=0\": expected a host name first,"
                        + " as in \"node01 slots=4\""),
                Arguments.of(":4", "missing host name in \":4\": expected " + HOST_NAME),
                Arguments.of("node01 foo=3",
                        "unknown key 'foo' in \"node01 foo=3\": expected slots, max_slots or max-slots"),
                Arguments.of("node 01 slots=2",
                        "unexpected '01' after host 'node' in \"node 01 slots=2\": expected slots=N or"
                        + " max_slots=N after the host name, which cannot contain spaces"),
                Arguments.of("node@01 slots=2",
                        "bad host name 'node@01' in \"node@01 slots=2\": expected " + HOST_NAME),
                Arguments.of("-node01", "bad host name '-node01' in \"-node01\": expected " + HOST_NAME),
                Arguments.of("node/01:2", "bad host name 'node/01' in \"node/01:2\": expected " + HOST_NAME),
                Arguments.of("999.1.1.1", "bad IPv4 address '999.1.1.1' in \"999.1.1.1\":"
                        + " expected four numbers from 0 to 255 separated by dots"),
                Arguments.of("10.0.1", "bad IPv4 address '10.0.1' in \"10.0.1\":"
                        + " expected four numbers from 0 to 255 separated by dots"),
                Arguments.of("node01 slots=4 max_slots=2", "max_slots 2 is less than slots 4 in"
                        + " \"node01 slots=4 max_slots=2\": expected max_slots of at least the slot count"),
                Arguments.of("node01 max-slots=x",
                        "bad max-slots count 'x' in \"node01 max-slots=x\": expected a positive integer"),
                Arguments.of("node01 slots=2 slots=3",
                        "'slots' given twice in \"node01 slots=2 slots=3\": expected each key at most once per line"),
                Arguments.of("node01:4 slots=2", "unexpected 'slots=2' after 'node01:4' in \"node01:4 slots=2\":"
                        + " expected nothing after host:count; write \"node01 slots=4 max_slots=M\" to cap"
                        + " oversubscription"));
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void malformedLineNamesFileLineAndText(String badLine, String expectedDetail) {
        String text = "# two good lines come first\nnode00 slots=2\n" + badLine + "\nnode99:1\n";

        BadHostfileException e = assertThrows(BadHostfileException.class, () -> Hostfile.parse("hosts.txt", text));

        assertEquals("hosts.txt:3: " + expectedDetail, e.getMessage());
        assertEquals("hosts.txt", e.file());
        assertEquals(3, e.line());
        assertEquals(ErrorClass.HOSTFILE, e.errorClass());
    }

    @Test
    void slotsAddingUpBeyondAnIntNameTheLineThatOverflows() {
        String text = "a slots=2147483647\nb slots=1\n";

        BadHostfileException e = assertThrows(BadHostfileException.class, () -> Hostfile.parse("big.hosts", text));

        assertEquals("big.hosts:2: slots add up to 2147483648 at this line in \"b slots=1\":"
                + " expected at most 2147483647 in all", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void fileWithOnlyCommentsIsAnErrorNamingTheFile() {
        String text = "# nothing here yet\n\n    # still nothing\n";

        BadHostfileException e = assertThrows(BadHostfileException.class, () -> Hostfile.parse("empty.hosts", text));

        assertEquals("empty.hosts: no hosts found, only blank lines and comments: expected at least one line"
                + " such as \"node01 slots=4\", \"node01:4\" or \"node01\"", e.getMessage());
        assertEquals("empty.hosts", e.file());
        assertEquals(0, e.line());
        assertEquals(ErrorClass.HOSTFILE, e.errorClass());
    }

    @Test
    void fileWithNoTextAtAllIsAnError() {
        BadHostfileException e = assertThrows(BadHostfileException.class, () -> Hostfile.parse("void.hosts", ""));

        assertEquals(0, e.line());
        assertEquals("void.hosts", e.file());
    }
}
