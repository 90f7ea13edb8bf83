package org.eventbooking.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.eventbooking.sink.metrics.BatchMetrics;
import org.junit.jupiter.api.Test;

class ProjectionSinkConfigTest {

    @Test
    void defaults_fill_everything_but_the_url() {
        ProjectionSinkConfig config = new ProjectionSinkConfig(Map.of(ProjectionSinkConfig.URL, "jdbc:postgresql://h:5432/db"));
        assertThat(config.schema).isEqualTo("public");
        assertThat(config.poolSize).isEqualTo(2);
        assertThat(config.retryBackoffMs).isEqualTo(1000);
        assertThat(config.migrate).isTrue();
        assertThat(config.tracing.enabled()).isFalse();
    }

    @Test
    void invalid_options_are_rejected_naming_the_option() {
        assertThatThrownBy(() -> new ProjectionSinkConfig(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ProjectionSinkConfig.URL);
        assertThatThrownBy(() -> new ProjectionSinkConfig(Map.of(ProjectionSinkConfig.URL, "jdbc:mysql://h/db")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> new ProjectionSinkConfig(Map.of(ProjectionSinkConfig.URL, "jdbc:postgresql://h/db",
                ProjectionSinkConfig.SCHEMA, "Robert'); DROP TABLE")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ProjectionSinkConfig.SCHEMA);
        assertThatThrownBy(() -> new ProjectionSinkConfig(Map.of(ProjectionSinkConfig.URL, "jdbc:postgresql://h/db",
                ProjectionSinkConfig.POOL_SIZE, "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ProjectionSinkConfig.POOL_SIZE);
    }

    @Test
    void every_option_is_documented_and_grouped() {
        ProjectionSinkConfig.CONFIG_DEF.configKeys().values().forEach(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        });
    }

    @Test
    void the_connector_validates_its_options_and_hands_them_to_every_task() {
        ProjectionSinkConnector connector = new ProjectionSinkConnector();
        Map<String, String> props = Map.of(ProjectionSinkConfig.URL, "jdbc:postgresql://h:5432/db");
        connector.start(props);
        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(task -> assertThat(task).containsAllEntriesOf(props))
                .extracting(task -> task.get(BatchMetrics.TASK_ID)).containsExactly("0", "1", "2");
        assertThat(connector.config()).isSameAs(ProjectionSinkConfig.CONFIG_DEF);
    }
}
