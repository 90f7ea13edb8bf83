package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SingleBrokerIT {

    private static final String TOPIC = "seat-events";

    @Test
    void serves_transactions_and_leaves_no_process_behind_after_close() throws Exception {
        long pid;
        try (LocalKafkaCluster kafka = LocalKafkaCluster.builder().heap(KafkaTestClients.TEST_HEAP).build()) {
            kafka.start();
            kafka.start(); // idempotent: still one broker, same address
            pid = kafka.pid(1);
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            try (Admin admin = KafkaTestClients.admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            produceOneAbortedAndTwoCommitted(kafka);

            assertThat(KafkaTestClients.readValues(kafka, TOPIC, "read_committed", 2, Duration.ofSeconds(30)))
                    .containsExactly("held", "confirmed");
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void a_broker_that_cannot_start_is_explained_by_its_log() {
        LocalKafkaCluster kafka = LocalKafkaCluster.builder()
                .heap(KafkaTestClients.TEST_HEAP)
                .brokerProperty("num.network.threads", "none")
                .build();

        assertThatThrownBy(kafka::start)
                .isInstanceOf(LocalKafkaException.class)
                .hasMessageContaining("node 1")
                .hasMessageContaining("num.network.threads");
        assertThat(Files.exists(kafka.dataDir())).as("temp data dir removed by the implicit close").isFalse();
    }

    // Transactions need the transaction state log, so this proves the internal-topic defaults.
    private static void produceOneAbortedAndTwoCommitted(LocalKafkaCluster kafka) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(kafka,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "single-broker-it"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "seat-1", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "seat-1", "held"));
            producer.send(new ProducerRecord<>(TOPIC, "seat-1", "confirmed"));
            producer.commitTransaction();
        }
    }
}
