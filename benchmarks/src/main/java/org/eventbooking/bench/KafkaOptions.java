package org.eventbooking.bench;

import java.nio.file.Path;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import picocli.CommandLine.Option;

/** Where the benchmark's Kafka is: a broker it starts itself (default) or an existing cluster. */
final class KafkaOptions {

    @Option(names = "--bootstrap", description = "Use this Kafka cluster instead of starting a local broker.")
    String bootstrap;

    @Option(names = "--kafka-heap", defaultValue = "-Xmx1g", description = "Heap of the local broker (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--work-dir", description = "Directory for broker data and state stores (default: a fresh temp dir).")
    Path workDir;

    /** A started cluster, or null when {@code --bootstrap} names one. */
    LocalKafkaCluster startLocalBrokerUnlessGiven(Path dataDir) {
        if (bootstrap != null) {
            return null;
        }
        LocalKafkaCluster kafka = LocalKafkaCluster.builder().brokers(1).dataDir(dataDir).heap(heap).build();
        kafka.start();
        bootstrap = kafka.bootstrapServers();
        return kafka;
    }
}
