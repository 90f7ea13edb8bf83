package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterIdFileTest {

    @Test
    void a_reused_data_dir_keeps_its_cluster_id(@TempDir Path dir) {
        String first = ClusterIdFile.loadOrCreate(dir, 3);

        assertThat(ClusterIdFile.loadOrCreate(dir, 3)).isEqualTo(first);
        assertThat(Uuid.fromString(first)).isNotNull();
    }

    @Test
    void a_data_dir_refuses_a_different_node_count(@TempDir Path dir) {
        ClusterIdFile.loadOrCreate(dir, 1);

        assertThatThrownBy(() -> ClusterIdFile.loadOrCreate(dir, 3))
                .isInstanceOf(LocalKafkaException.class)
                .hasMessageContaining("holds a cluster of 1 brokers, asked for 3");
    }
}
