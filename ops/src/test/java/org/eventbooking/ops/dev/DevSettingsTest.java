package org.eventbooking.ops.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSettingsTest {

    @Test
    void nodes_get_consecutive_ports_and_a_reply_partition_and_state_dir_each_in_one_application() {
        DevSettings settings = settings(3, 8080, Optional.empty(), Optional.empty());

        assertThat(settings.nodeEnvironment(2, "127.0.0.1:9092", "redis://127.0.0.1:6390", Path.of("/data/nodes/node-2/state")))
                .containsEntry("BOOKING_NODE_ID", "node-2")
                .containsEntry("BOOKING_HTTP_PORT", "8081")
                .containsEntry("BOOKING_REPLY_PARTITION", "1")
                .containsEntry("BOOKING_STATE_DIR", "/data/nodes/node-2/state")
                .containsEntry("BOOKING_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("BOOKING_REDIS_URL", "redis://127.0.0.1:6390")
                .containsEntry("BOOKING_FAKE_PROVIDER", "true")
                .doesNotContainKey("BOOKING_APPLICATION_ID");
    }

    @Test
    void checks_the_fixed_ports_of_what_it_starts_and_not_those_of_external_servers() {
        DevSettings own = settings(2, 8080, Optional.empty(), Optional.empty());
        DevSettings external = settings(1, 8080, Optional.of("jdbc:postgresql://db/booking"), Optional.of("redis://cache:6379"));

        assertThat(own.portsToBind()).containsOnlyKeys(8080, 8081, 9092, 8083, 6390, 5440);
        assertThat(external.portsToBind()).containsOnlyKeys(8080, 9092, 8083);
        assertThat(own.packagesNeeded()).containsExactly("redis-server", "postgresql");
        assertThat(external.packagesNeeded()).isEmpty();
    }

    @Test
    void a_port_given_to_two_servers_is_refused() {
        DevSettings clash = settings(2, 9091, Optional.empty(), Optional.empty());

        assertThatThrownBy(clash::portsToBind).hasMessage(
                "port 9092 is given to both node-2 HTTP (--http-port) and Kafka broker 1 (--kafka-port)");
    }

    @Test
    void refuses_impossible_settings_with_the_option_to_fix() {
        assertThatThrownBy(() -> settings(0, 8080, Optional.empty(), Optional.empty())).hasMessageContaining("--nodes");
        assertThatThrownBy(() -> settings(7, 8080, Optional.empty(), Optional.empty())).hasMessageContaining("--partitions (6)");
        assertThatThrownBy(() -> settings(2, 65535, Optional.empty(), Optional.empty())).hasMessageContaining("--http-port");
    }

    @Test
    void three_brokers_replicate_every_topic_three_times_and_nodes_keep_standby_copies_and_their_overrides() {
        DevSettings cluster = new DevSettings(Path.of("/repo"), Path.of("/data"), false, 2, 3, 8080, 9092, 8083, 6390, 5440, 6,
                Optional.empty(), Optional.empty(), List.of("-Xmx1g"), Map.of("BOOKING_SESSION_TIMEOUT_MS", "6000"));

        assertThat(cluster.portsToBind()).containsKeys(9092, 9093, 9094);
        assertThat(cluster.nodeEnvironment(1, "127.0.0.1:9092", "redis://127.0.0.1:6390", Path.of("/data/nodes/node-1/state")))
                .containsEntry("BOOKING_REPLICATION_FACTOR", "3")
                .containsEntry("BOOKING_STANDBY_REPLICAS", "1")
                .containsEntry("BOOKING_SESSION_TIMEOUT_MS", "6000");
        assertThat(settings(1, 8080, Optional.empty(), Optional.empty())
                .nodeEnvironment(1, "k", "r", Path.of("/s"))).containsEntry("BOOKING_REPLICATION_FACTOR", "1")
                .containsEntry("BOOKING_STANDBY_REPLICAS", "0");
    }

    private static DevSettings settings(int nodes, int httpPort, Optional<String> postgres, Optional<String> redis) {
        return new DevSettings(Path.of("/repo"), Path.of("/data"), false, nodes, 1, httpPort, 9092, 8083, 6390, 5440, 6,
                postgres, redis, List.of("-Xmx1g"), Map.of());
    }
}
