package org.eventbooking.ops.replay;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eventbooking.state.Table;
import org.eventbooking.topology.StoreSerdes;

/**
 * Writes a store's content into its (new, empty) changelog topic, each entry into the partition of
 * the task that owns it, so that nodes restore exactly this content on start.
 */
public final class ChangelogWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public ChangelogWriter(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Each key is written once, so a retried batch can only repeat records of the same key and
        // value, which compaction and restore collapse: idempotence has nothing to protect here, and
        // its sequence numbers stalled on OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout
        // when the first batches to a just-created changelog met NOT_LEADER_OR_FOLLOWER.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends every entry and waits until all are acknowledged; returns the digest of what was written. */
    public ChangelogDigest write(String store, String topic, int partitions, Table<?> content, LongConsumer progress) {
        Serializer<Object> values = StoreSerdes.values(store).serializer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        ChangelogDigest written = new ChangelogDigest();
        content.forEach((key, value) -> {
            int partition = ChangelogLayout.partition(store, key, value, partitions);
            byte[] bytes = values.serialize(topic, value);
            producer.send(new ProducerRecord<>(topic, partition, key, bytes), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            written.add(key, bytes);
            progress.accept(written.entries());
        });
        producer.flush();
        if (failure.get() != null) {
            throw new OperatorException("writing the rebuilt " + topic + " failed: " + failure.get().getMessage()
                    + "; run the replay again (it starts over from the log)", failure.get());
        }
        return written;
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The topic settings Kafka Streams gives a key-value store's changelog. */
    public static Map<String, String> changelogConfig() {
        return Map.of("cleanup.policy", "compact");
    }
}
