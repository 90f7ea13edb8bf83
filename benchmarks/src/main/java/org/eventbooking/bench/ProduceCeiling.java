package org.eventbooking.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eventbooking.topology.internals.Futures;

/**
 * The physical ceiling: one producer writing 200-byte records with acks=all to the same broker,
 * with the producer defaults (as {@code kafka-producer-perf-test} measures it).
 */
final class ProduceCeiling {

    static final int RECORD_BYTES = 200;

    private ProduceCeiling() {
    }

    /** Records per second acknowledged, over {@code records} records. */
    static double measure(String bootstrap, String topic, int records) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Futures.get(admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all(), "create topic " + topic);
        }
        byte[] payload = new byte[RECORD_BYTES];
        new Random(42).nextBytes(payload);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        AtomicLong acked = new AtomicLong();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, payload), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return acked.get() / seconds;
    }
}
