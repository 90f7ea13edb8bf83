package org.eventbooking.gateway.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's Prometheus and Grafana files, and the PromQL expressions in them. */
final class ObservabilityFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    // Rule files are YAML; every expression sits under an "expr:" key, on one line or folded (">-").
    private static final Pattern EXPR = Pattern.compile("(?m)^(\\s*)expr:\\s*(>-|\\|)?\\s*(.*)$");

    private ObservabilityFiles() {
    }

    /** The repository root: the parent of the module directory the build runs tests in. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("prometheus")) && Files.isDirectory(dir.resolve("grafana"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no prometheus/ and grafana/ directories above " + here);
    }

    static List<Path> dashboards() {
        return list(root().resolve("grafana/dashboards"), ".json");
    }

    static List<Path> ruleFiles() {
        return list(root().resolve("prometheus/rules"), ".yml");
    }

    /** Every query of every panel (and template variable) in the dashboards. */
    static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        for (Path dashboard : dashboards()) {
            JsonNode json = read(dashboard);
            json.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
            json.path("templating").path("list").forEach(v -> expressions.add(v.path("query").path("query").asText()
                    .replaceAll("^label_values\\(([^,)]+).*$", "$1")));
        }
        return expressions;
    }

    /** Every alert and recording rule expression. */
    static List<String> ruleExpressions() {
        List<String> expressions = new ArrayList<>();
        for (Path file : ruleFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher expr = EXPR.matcher(lines.get(i));
                if (!expr.matches()) {
                    continue;
                }
                StringBuilder text = new StringBuilder(expr.group(3));
                int indent = expr.group(1).length();
                while (expr.group(2) != null && i + 1 < lines.size() && indentOf(lines.get(i + 1)) > indent) {
                    text.append(' ').append(lines.get(++i).trim());
                }
                expressions.add(text.toString());
            }
        }
        return expressions;
    }

    /**
     * Metric names exported by the Connect worker (checked against a real worker by
     * ProjectionConnectorIT) and by the brokers (kafka-local BrokerMetricsIT), not by a node.
     */
    static List<String> metricsOfOtherProcesses() {
        return Stream.of("prometheus/connect-worker-metrics.txt", "prometheus/kafka-broker-metrics.txt")
                .flatMap(file -> lines(root().resolve(file)).stream())
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int indentOf(String line) {
        return line.isBlank() ? Integer.MAX_VALUE : line.length() - line.stripLeading().length();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
