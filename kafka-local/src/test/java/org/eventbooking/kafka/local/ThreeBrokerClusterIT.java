package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario rather than several tests: a 3-node start costs a good part of the module's
 * time budget on a 2-core machine, so each phase builds on the cluster the previous one left.
 */
class ThreeBrokerClusterIT {

    private static final String TOPIC = "bookings";

    @TempDir
    Path dataDir;

    @Test
    void survives_a_crashed_node_and_a_restart_of_the_whole_cluster() throws Exception {
        try (LocalKafkaCluster kafka = cluster()) {
            kafka.start();
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            createReplicatedTopic(kafka);
            send(kafka, "before-crash");

            kafka.killBroker(2);
            assertThat(kafka.isRunning(2)).isFalse();
            // acks=all, min ISR 2: blocks until the controller fences node 2 (no heartbeat for
            // broker.session.timeout.ms, 9 s) and drops it from the ISR, then succeeds.
            send(kafka, "while-node-2-is-down");

            kafka.startBroker(2);
            assertThat(kafka.isRunning(2)).isTrue();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(describe(kafka).partitions().get(0).isr()).hasSize(3));
        }

        try (LocalKafkaCluster again = cluster()) {
            again.start();
            assertThat(describe(again).partitions().get(0).replicas()).hasSize(3);
            assertThat(KafkaTestClients.readValues(again, TOPIC, "read_uncommitted", 2, Duration.ofSeconds(30)))
                    .containsExactly("before-crash", "while-node-2-is-down");
        }
    }

    private LocalKafkaCluster cluster() {
        return LocalKafkaCluster.builder().brokers(3).dataDir(dataDir).heap(KafkaTestClients.TEST_HEAP).build();
    }

    private static void createReplicatedTopic(LocalKafkaCluster kafka) throws Exception {
        try (Admin admin = KafkaTestClients.admin(kafka)) {
            NewTopic topic = new NewTopic(TOPIC, 1, (short) 3).configs(Map.of("min.insync.replicas", "2"));
            admin.createTopics(List.of(topic)).all().get();
        }
    }

    private static void send(LocalKafkaCluster kafka, String value) throws Exception {
        try (KafkaProducer<String, String> producer =
                KafkaTestClients.producer(kafka, Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
            producer.send(new ProducerRecord<>(TOPIC, "event-1", value)).get();
        }
    }

    private static TopicDescription describe(LocalKafkaCluster kafka) throws Exception {
        try (Admin admin = KafkaTestClients.admin(kafka)) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        }
    }
}
