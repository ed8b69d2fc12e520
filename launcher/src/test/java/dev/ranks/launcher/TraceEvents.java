package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A {@code --trace} file as Jackson reads it, with the checks the trace tests share.
 *
 * @param all its events
 */
record TraceEvents(List<JsonNode> all) {

    static TraceEvents read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertEquals("ns", root.path("displayTimeUnit").asText());
        List<JsonNode> events = new ArrayList<>();
        root.get("traceEvents").forEach(events::add);
        return new TraceEvents(events);
    }

    /** @return the rank whose track an event is on: its pid less one (Perfetto takes pid 0 for the idle task) */
    static int rank(JsonNode event) {
        return event.get("pid").asInt() - 1;
    }

    Set<String> threadNames() {
        return all.stream()
                .filter(e -> e.get("ph").asText().equals("M") && e.get("name").asText().equals("thread_name"))
                .map(e -> e.path("args").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    List<JsonNode> spans(String name) {
        return all.stream().filter(e -> e.get("ph").asText().equals("X") && e.get("name").asText().equals(name))
                .toList();
    }

    Set<String> algorithms(String collective) {
        return spans(collective).stream().map(s -> s.path("args").path("algorithm").asText())
                .collect(Collectors.toSet());
    }

    /** @return each arrow's start and end, by id; ids with a start and an end only */
    Map<Long, JsonNode[]> arrows() {
        Map<Long, JsonNode[]> byId = new HashMap<>();
        for (JsonNode e : all) {
            String ph = e.get("ph").asText();
            if (ph.equals("s") || ph.equals("f")) {
                byId.computeIfAbsent(e.get("id").asLong(), id -> new JsonNode[2])[ph.equals("s") ? 0 : 1] = e;
            }
        }
        byId.values().removeIf(pair -> pair[0] == null || pair[1] == null);
        return byId;
    }

    /**
     * Every arrow starts inside a send span on its sender's track and ends inside a span on
     * its receiver's track, the one the send names as its destination.
     */
    void assertArrowsGoFromSendsToReceives() {
        for (JsonNode[] arrow : arrows().values()) {
            JsonNode send = enclosing(arrow[0]);
            assertTrue(send != null && send.get("name").asText().endsWith("send"), () -> "arrow " + arrow[0]
                    + " starts outside a send\n" + this);
            JsonNode end = enclosing(arrow[1]);
            assertTrue(end != null, () -> "arrow " + arrow[1] + " ends outside any span\n" + this);
            assertEquals(send.path("args").path("dest").asInt(), rank(arrow[1]), this::toString);
            assertEquals("e", arrow[1].get("bp").asText());
            assertTrue(arrow[0].get("ts").asDouble() <= arrow[1].get("ts").asDouble(), this::toString);
        }
    }

    private JsonNode enclosing(JsonNode point) {
        double ts = point.get("ts").asDouble();
        return all.stream().filter(e -> e.get("ph").asText().equals("X") && e.get("pid").equals(point.get("pid"))
                        && !e.get("cat").asText().equals("user") && !e.get("cat").asText().equals("collective")
                        && e.get("ts").asDouble() <= ts && ts <= e.get("ts").asDouble() + e.get("dur").asDouble())
                .findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return IntStream.range(0, all.size()).mapToObj(i -> all.get(i).toString()).collect(Collectors.joining("\n"));
    }
}
