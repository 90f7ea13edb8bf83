package org.eventbooking.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus configuration and alert rules as Prometheus itself reads them: {@code promtool}
 * (Debian package {@code prometheus}; {@code ./booking test} installs it) checks the config and the
 * rules and runs the rule unit tests, in which every alert fires on synthetic series.
 */
class PrometheusConfigTest {

    private static final Path PROMETHEUS = ObservabilityFiles.root().resolve("prometheus");

    @Test
    void config_is_valid_with_its_rule_files() {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS").contains("rules found");
    }

    @Test
    void rules_are_valid() {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        ObservabilityFiles.ruleFiles().forEach(file -> args.add(PROMETHEUS.relativize(file).toString()));
        assertThat(promtool(args.toArray(String[]::new))).contains("SUCCESS");
    }

    @Test
    void every_alert_fires_in_the_rule_unit_tests() {
        assertThat(promtool("test", "rules", "tests/booking-alerts-test.yml")).contains("SUCCESS");
        List<String> alerts = ObservabilityFiles.ruleFiles().stream().flatMap(file -> ObservabilityFiles.lines(file).stream())
                .filter(line -> line.trim().startsWith("- alert:")).map(line -> line.trim().substring("- alert:".length()).trim())
                .toList();
        String tests = String.join("\n", ObservabilityFiles.lines(PROMETHEUS.resolve("tests/booking-alerts-test.yml")));
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> assertThat(tests).contains("alertname: " + alert));
    }

    private static String promtool(String... args) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError("promtool not found: install it with scripts/ensure-packages.sh prometheus"
                    + " (./booking test does)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
