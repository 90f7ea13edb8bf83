package org.eventbooking.ops.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eventbooking.state.InMemoryTable;
import org.eventbooking.state.Table;
import org.eventbooking.topology.StoreSerdes;

/**
 * Stores as Kafka Streams would restore them from their changelogs: the committed records from the
 * start, the last value of each key winning and a null value deleting it. Every changelog is read
 * in one pass by one consumer, and only the surviving values are deserialised.
 */
public final class ChangelogReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrapServers;

    public ChangelogReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The content of each store, by store name, from {@code topicsByStore}; {@code progress} gets records read. */
    public Map<String, Table<?>> read(Map<String, String> topicsByStore, LongConsumer progress) {
        Map<String, Map<String, byte[]>> latest = latestBytes(topicsByStore, progress);
        // Decoding is most of the work, and each store is independent of the others.
        return topicsByStore.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> decode(e.getKey(), e.getValue(), latest.get(e.getValue()))));
    }

    /** The digest of each store's content as bytes, by store name, without decoding it. */
    public Map<String, ChangelogDigest> digests(Map<String, String> topicsByStore, LongConsumer progress) {
        Map<String, Map<String, byte[]>> latest = latestBytes(topicsByStore, progress);
        return topicsByStore.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> ChangelogDigest.of(latest.get(e.getValue()))));
    }

    // The latest value of every key, by topic.
    private Map<String, Map<String, byte[]>> latestBytes(Map<String, String> topicsByStore, LongConsumer progress) {
        Map<String, Map<String, byte[]>> latest = new HashMap<>();
        topicsByStore.values().forEach(topic -> latest.put(topic, new HashMap<>()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : topicsByStore.values()) {
                consumer.partitionsFor(topic).forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            long records = 0;
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    Map<String, byte[]> entries = latest.get(record.topic());
                    if (record.value() == null) {
                        entries.remove(record.key());
                    } else {
                        entries.put(record.key(), record.value());
                    }
                    records++;
                }
                progress.accept(records);
            }
        }
        return latest;
    }

    private static Table<?> decode(String store, String topic, Map<String, byte[]> latest) {
        Deserializer<Object> values = StoreSerdes.values(store).deserializer();
        InMemoryTable<Object> table = new InMemoryTable<>();
        latest.forEach((key, bytes) -> table.put(key, values.deserialize(topic, bytes)));
        return table;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Streams restores exactly-once changelogs read_committed: aborted writes are not state.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        return props;
    }
}
