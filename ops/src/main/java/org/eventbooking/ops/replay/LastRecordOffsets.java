package org.eventbooking.ops.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * For each partition, the offset after the last record a {@code read_committed} consumer receives
 * below a given end. A log written in transactions ends in a commit marker and may hold aborted
 * records; a sink never receives those, so the offset it commits stops at its last record + 1,
 * below the partition's end offset. Waiting for a sink to commit the end offset would never end.
 */
final class LastRecordOffsets {

    private static final int FIRST_WINDOW = 16;
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(30);

    private LastRecordOffsets() {
    }

    /** {@code 0} for a partition without a readable record below its end. */
    static Map<TopicPartition, Long> below(String bootstrapServers, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> last = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            ends.forEach((partition, end) -> last.put(partition, end == 0 ? 0 : scan(consumer, partition, end)));
        }
        return last;
    }

    // Reads ever longer stretches before the end: markers and aborted batches are usually few.
    private static long scan(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long end) {
        consumer.assign(List.of(partition));
        long beginning = consumer.beginningOffsets(List.of(partition)).get(partition);
        for (long window = FIRST_WINDOW; ; window *= 8) {
            long from = Math.max(beginning, end - window);
            long found = lastRecordBetween(consumer, partition, from, end);
            if (found >= 0) {
                return found + 1;
            }
            if (from == beginning) {
                return 0;
            }
        }
    }

    /** The offset of the last record in [from, end), or -1. */
    private static long lastRecordBetween(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long end) {
        consumer.seek(partition, from);
        long last = -1;
        long deadline = System.nanoTime() + SCAN_TIMEOUT.toNanos();
        // The position passes markers and aborted batches too; a transaction still open at the end
        // holds it back, hence the deadline.
        while (consumer.position(partition) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(partition)) {
                if (record.offset() < end) {
                    last = Math.max(last, record.offset());
                }
            }
        }
        return last;
    }

    private static Properties properties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }
}
