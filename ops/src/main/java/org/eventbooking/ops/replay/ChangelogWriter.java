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
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends every entry and waits until all are acknowledged; returns how many were written. */
    public long write(String store, String topic, int partitions, Table<?> content, LongConsumer progress) {
        Serializer<Object> values = StoreSerdes.values(store).serializer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] sent = {0};
        content.forEach((key, value) -> {
            int partition = ChangelogLayout.partition(store, key, value, partitions);
            producer.send(new ProducerRecord<>(topic, partition, key, values.serialize(topic, value)), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
            progress.accept(++sent[0]);
        });
        producer.flush();
        if (failure.get() != null) {
            throw new OperatorException("writing the rebuilt " + topic + " failed: " + failure.get().getMessage()
                    + "; run the replay again (it starts over from the log)", failure.get());
        }
        return sent[0];
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
