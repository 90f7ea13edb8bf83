package org.eventbooking.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.topology.Topic;
import org.eventbooking.topology.Topics;

/**
 * Reads the log topics from offset 0 to their current end (committed records only) and folds them.
 * The catalog is folded before the bookings: an event exists before any of its bookings, and
 * catalog entries never depend on bookings, so this order gives the live state.
 */
public final class LogReplay {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;

    public LogReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Folds the whole log into fresh in-memory tables; {@code progress} gets the running event count. */
    public LogFold replay(LongConsumer progress) {
        LogFold fold = LogFold.inMemory();
        for (Topic<String, ? extends LogEvent> topic : List.of(Topics.EVENT_STREAMS, Topics.BOOKING_EVENTS)) {
            readToEnd(topic, fold, progress);
        }
        return fold;
    }

    private void readToEnd(Topic<String, ? extends LogEvent> topic, LogFold fold, LongConsumer progress) {
        try (KafkaConsumer<String, ? extends LogEvent> consumer = new KafkaConsumer<>(consumerProperties(),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<String, ? extends LogEvent> record : consumer.poll(POLL)) {
                    fold.apply(record.value());
                }
                progress.accept(fold.eventsApplied());
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return props;
    }
}
