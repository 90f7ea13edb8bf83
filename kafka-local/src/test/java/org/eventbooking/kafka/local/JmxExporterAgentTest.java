package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmxExporterAgentTest {

    @Test
    void the_agent_option_names_the_built_agent_jar_the_local_port_and_the_rules(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("kafka-broker.yml"), "rules: []\n");

        String option = JmxExporterAgent.withRules(rules).jvmOption(7071);

        assertThat(option).startsWith("-javaagent:").endsWith("=127.0.0.1:7071:" + rules.toAbsolutePath());
        Path jar = Path.of(option.substring("-javaagent:".length(), option.indexOf('=')));
        assertThat(jar.getFileName().toString()).startsWith("jmx_prometheus_javaagent-");
        assertThat(jar).isRegularFile();
    }

    @Test
    void a_missing_rules_file_is_named_before_any_broker_starts(@TempDir Path dir) {
        assertThatThrownBy(() -> JmxExporterAgent.withRules(dir.resolve("absent.yml")))
                .isInstanceOf(LocalKafkaException.class)
                .hasMessageContaining("absent.yml").hasMessageContaining("prometheus/jmx-exporter/kafka-broker.yml");
    }
}
