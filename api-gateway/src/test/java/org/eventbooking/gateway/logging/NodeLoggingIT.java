package org.eventbooking.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The node's shipped log4j2.xml, in a JVM of its own with the node's classpath: one ECS JSON object
 * per line with the request and trace ids in production, readable text otherwise, and
 * BOOKING_LOG_LEVEL setting the platform's level (Kafka's chatter stays at warn).
 */
class NodeLoggingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_CONFIG = Path.of("target", "classes", "log4j2.xml").toAbsolutePath();

    @Test
    void production_logs_one_json_object_per_line_with_the_request_and_trace_ids() throws Exception {
        List<String> lines = run(Map.of("BOOKING_MODE", "production"));

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("hold granted");
        assertThat(line.path("log.level").asText()).isEqualTo("INFO");
        assertThat(line.path("@timestamp").asText()).isNotBlank();
        assertThat(line.path("request_id").asText()).isEqualTo(LogLines.REQUEST_ID);
        assertThat(line.path("trace_id").asText()).isEqualTo(LogLines.TRACE_ID);
        assertThat(line.path("span_id").asText()).isEqualTo(LogLines.SPAN_ID);
    }

    @Test
    void the_log_level_variable_sets_the_platforms_level() throws Exception {
        List<String> lines = run(Map.of("BOOKING_MODE", "production", "BOOKING_LOG_LEVEL", "debug"));

        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).path("message").asText()).isEqualTo("hold request parsed");
        assertThat(JSON.readTree(lines.get(0)).path("log.level").asText()).isEqualTo("DEBUG");
    }

    @Test
    void development_logs_readable_text_with_the_ids() throws Exception {
        List<String> lines = run(Map.of());

        assertThat(lines).singleElement().asString().doesNotStartWith("{")
                .contains("INFO", "GatewayApp", "[" + LogLines.REQUEST_ID + "]", "trace=" + LogLines.TRACE_ID, "hold granted");
    }

    /** The output of LogLines run with the node's logging config and {@code environment}. */
    private static List<String> run(Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlog4j2.configurationFile=" + NODE_CONFIG, "-cp", System.getProperty("java.class.path"),
                LogLines.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BOOKING_MODE");
        builder.environment().remove("BOOKING_LOG_LEVEL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
