package org.eventbooking.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eventbooking.topology.Topics;

/**
 * Reads committed replies as they arrive; counts all of them, and the accepted and rejected
 * replies to measured commands (correlation id, the command's index, at or past a threshold).
 */
final class ReplyCounter implements AutoCloseable {

    private static final byte[] ACCEPTED_MARK = "\"rejection\":null".getBytes(StandardCharsets.UTF_8);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final int firstMeasuredIndex;
    private final Thread thread = new Thread(this::run, "reply-counter");
    private volatile boolean running = true;

    ReplyCounter(String bootstrap, int firstMeasuredIndex) {
        this.firstMeasuredIndex = firstMeasuredIndex;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BOOKING_REPLIES.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> reply : consumer.poll(Duration.ofMillis(50))) {
                    count(reply);
                }
            }
        } finally {
            consumer.close();
        }
    }

    private void count(ConsumerRecord<String, byte[]> reply) {
        replies.incrementAndGet();
        if (Integer.parseInt(reply.key()) < firstMeasuredIndex) {
            return;
        }
        if (contains(reply.value(), ACCEPTED_MARK)) {
            accepted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    long replies() {
        return replies.get();
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
