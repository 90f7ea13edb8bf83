package org.eventbooking.kafka.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The server.properties of one node: combined broker+controller, defaults for a local box. */
final class BrokerProperties {

    private BrokerProperties() {
    }

    static Map<String, String> forNode(BrokerPorts node, List<BrokerPorts> cluster, Path logDir,
            Map<String, String> overrides) {
        Map<String, String> props = new TreeMap<>();
        props.putAll(identity(node, cluster, logDir));
        props.putAll(replicationDefaults(cluster.size()));
        props.putAll(localDefaults());
        props.putAll(overrides);
        return props;
    }

    private static Map<String, String> identity(BrokerPorts node, List<BrokerPorts> cluster,
            Path logDir) {
        return Map.of(
                "process.roles", "broker,controller",
                "node.id", Integer.toString(node.nodeId()),
                // Static quorum (kraft.version 0): the voters come from this file on every start,
                // so ports may change between runs on the same data dir.
                "controller.quorum.voters", cluster.stream()
                        .map(n -> n.nodeId() + "@" + n.controllerAddress())
                        .collect(Collectors.joining(",")),
                "listeners", "PLAINTEXT://" + node.clientAddress()
                        + ",CONTROLLER://" + node.controllerAddress(),
                "advertised.listeners", "PLAINTEXT://" + node.clientAddress(),
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names", "CONTROLLER",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", logDir.toAbsolutePath().toString());
    }

    // Kafka's defaults (RF 3, min ISR 2) make a 1-node cluster unable to create its internal
    // topics, so transactions and consumer groups would hang; a 2-node one could not lose a node.
    private static Map<String, String> replicationDefaults(int brokers) {
        String factor = Integer.toString(Math.min(brokers, 3));
        String minIsr = brokers >= 3 ? "2" : "1";
        return Map.of(
                "default.replication.factor", factor,
                "min.insync.replicas", minIsr,
                "offsets.topic.replication.factor", factor,
                "transaction.state.log.replication.factor", factor,
                "transaction.state.log.min.isr", minIsr,
                "share.coordinator.state.topic.replication.factor", factor,
                "share.coordinator.state.topic.min.isr", minIsr);
    }

    private static Map<String, String> localDefaults() {
        return Map.of(
                // Topics are declared by the application; a typo must fail, not create a topic.
                "auto.create.topics.enable", "false",
                // The default 3 s only helps large groups; locally it delays every first rebalance.
                "group.initial.rebalance.delay.ms", "0",
                "group.streams.initial.rebalance.delay.ms", "0",
                // 50 partitions per internal topic cost start-up time and file handles for nothing.
                "offsets.topic.num.partitions", "10",
                "transaction.state.log.num.partitions", "10",
                "num.partitions", "1",
                // How long a produce that opens a transaction may wait on the broker for the previous
                // transaction's markers (default 100 ms). With three busy brokers markers took longer:
                // CONCURRENT_TRANSACTIONS, OutOfOrderSequence behind it, and the Streams producer backing
                // off up to a second, stalling commits and replies. docker-compose.prod.yml sets the same.
                "add.partitions.to.txn.retry.backoff.max.ms", "1000");
    }
}
