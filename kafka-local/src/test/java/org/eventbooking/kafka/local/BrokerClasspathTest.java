package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerClasspathTest {

    @Test
    void build_time_resource_names_the_broker_jars() {
        String classpath = BrokerClasspath.resolve(null);

        assertThat(classpath.split(":"))
                .anyMatch(entry -> entry.contains("kafka_2.13"))
                .anyMatch(entry -> entry.contains("slf4j-simple"));
    }

    @Test
    void override_replaces_the_resource(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("broker.jar"));

        assertThat(BrokerClasspath.resolve(" " + jar + " ")).isEqualTo(jar.toString());
    }

    @Test
    void missing_entry_asks_for_a_rebuild(@TempDir Path dir) {
        String missing = dir.resolve("gone.jar").toString();

        assertThatThrownBy(() -> BrokerClasspath.resolve(missing))
                .isInstanceOf(LocalKafkaException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("mvn -pl kafka-local package");
    }
}
