package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private static final List<BrokerPorts> THREE_NODES = List.of(
            new BrokerPorts(1, 9101, 9201),
            new BrokerPorts(2, 9102, 9202),
            new BrokerPorts(3, 9103, 9203));

    @Test
    void every_node_is_a_combined_voter_listening_on_its_own_ports() {
        Map<String, String> props = forNode(THREE_NODES.get(1), THREE_NODES, Map.of());

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters",
                        "1@127.0.0.1:9201,2@127.0.0.1:9202,3@127.0.0.1:9203")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9102,CONTROLLER://127.0.0.1:9202")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9102")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", Path.of("/data/broker-2/logs").toAbsolutePath().toString());
    }

    @Test
    void single_node_replicates_internal_topics_once_and_needs_one_in_sync_replica() {
        BrokerPorts only = new BrokerPorts(1, 9101, 9201);

        assertThat(forNode(only, List.of(only), Map.of()))
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9201")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void three_nodes_replicate_three_times_and_survive_one_loss() {
        assertThat(forNode(THREE_NODES.get(0), THREE_NODES, Map.of()))
                .containsEntry("default.replication.factor", "3")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void local_defaults_keep_start_up_fast_and_topics_explicit() {
        assertThat(forNode(THREE_NODES.get(0), THREE_NODES, Map.of()))
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("offsets.topic.num.partitions", "10")
                .containsEntry("transaction.state.log.num.partitions", "10")
                .containsEntry("num.partitions", "1");
    }

    @Test
    void a_transaction_waits_on_the_broker_for_the_previous_ones_markers() {
        assertThat(forNode(THREE_NODES.get(0), THREE_NODES, Map.of()))
                .containsEntry("add.partitions.to.txn.retry.backoff.max.ms", "1000");
    }

    @Test
    void extra_properties_override_the_defaults() {
        Map<String, String> props = forNode(THREE_NODES.get(0), THREE_NODES,
                Map.of("min.insync.replicas", "3", "log.retention.ms", "1000"));

        assertThat(props)
                .containsEntry("min.insync.replicas", "3")
                .containsEntry("log.retention.ms", "1000");
    }

    private static Map<String, String> forNode(BrokerPorts node, List<BrokerPorts> cluster,
            Map<String, String> overrides) {
        Path logDir = Path.of("/data/broker-" + node.nodeId(), "logs");
        return BrokerProperties.forNode(node, cluster, logDir, overrides);
    }
}
