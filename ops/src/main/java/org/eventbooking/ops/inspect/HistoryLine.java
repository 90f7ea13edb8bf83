package org.eventbooking.ops.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eventbooking.topology.RecordHeaderNames;

/**
 * One log record as a readable line: when it happened, where it is in the log, what it is, its
 * facts, and its cause (the command's correlation id and trace, or the engine itself for timers).
 */
final class HistoryLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Shown elsewhere on the line, or not news to a reader.
    private static final Set<String> OMITTED = Set.of("type", "schemaVersion", "occurredAt", "eventId", "passwordHash");

    private HistoryLine() {
    }

    static String of(ConsumerRecord<String, byte[]> record, String stateAfter) {
        JsonNode fact = parse(record.value());
        String occurred = fact.path("occurredAt").asText(Instant.ofEpochMilli(record.timestamp()).toString());
        StringBuilder line = new StringBuilder()
                .append(occurred).append("  ")
                .append(record.topic()).append('[').append(record.partition()).append("]@").append(record.offset()).append("  ")
                .append(fact.path("type").asText("?"));
        for (Iterator<Map.Entry<String, JsonNode>> fields = fact.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!OMITTED.contains(field.getKey()) && !field.getValue().isNull()) {
                line.append(' ').append(field.getKey()).append('=').append(text(field.getValue()));
            }
        }
        if (stateAfter != null) {
            line.append("  -> ").append(stateAfter);
        }
        return line.append("  cause: ").append(cause(record)).toString();
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return parse(record.value()).path("type").asText("?");
    }

    static String field(ConsumerRecord<String, byte[]> record, String name) {
        return parse(record.value()).path(name).asText(null);
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.isValueNode() ? item.asText() : item.toString()));
            return joined.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String cause(ConsumerRecord<String, byte[]> record) {
        Header correlation = record.headers().lastHeader(RecordHeaderNames.CORRELATION_ID);
        if (correlation == null) {
            return "the engine (hold expiry timer or a system command)";
        }
        StringBuilder cause = new StringBuilder("command ").append(new String(correlation.value(), StandardCharsets.UTF_8));
        Header trace = record.headers().lastHeader(RecordHeaderNames.TRACEPARENT);
        if (trace != null) {
            cause.append(" trace ").append(new String(trace.value(), StandardCharsets.UTF_8));
        }
        return cause.toString();
    }

    private static JsonNode parse(byte[] value) {
        try {
            return value == null ? JSON.nullNode() : JSON.readTree(value);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode("unreadable record: " + new String(value, StandardCharsets.UTF_8));
        }
    }
}
