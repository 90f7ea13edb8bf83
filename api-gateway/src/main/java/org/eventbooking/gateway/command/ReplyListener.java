package org.eventbooking.gateway.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eventbooking.gateway.ConsumerLoop;
import org.eventbooking.topology.Topics;

/**
 * Reads this node's partition of {@code booking-replies} with {@code read_committed}, so a reply
 * is seen only once the transaction that wrote it (with its events and store updates) committed,
 * and completes the request waiting for it. One thread, whatever the number of waiting requests.
 */
public final class ReplyListener extends ConsumerLoop<byte[]> {

    private final TopicPartition partition;
    private final Map<String, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();

    public ReplyListener(String bootstrapServers, int replyPartition, String nodeId) {
        super(consumer(bootstrapServers, nodeId), nodeId + "-reply-listener", "requests time out until the node restarts");
        this.partition = new TopicPartition(Topics.BOOKING_REPLIES.name(), replyPartition);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String nodeId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, nodeId + "-replies");
        // Replies become visible all at once when a transaction commits, and the broker answers a
        // waiting fetch the moment the commit marker lands: waiting long costs nothing, while a
        // short wait only adds empty fetches between commits.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The reply's JSON once committed; register before sending the command. */
    public CompletableFuture<byte[]> expect(String correlationId) {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        waiting.put(correlationId, reply);
        reply.whenComplete((value, failure) -> waiting.remove(correlationId));
        return reply;
    }

    public int waitingCount() {
        return waiting.size();
    }

    /** Starts reading at the end of the partition: only replies to commands sent from now on matter. */
    @Override
    protected void position() {
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
    }

    @Override
    protected void handle(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            CompletableFuture<byte[]> reply = record.key() == null ? null : waiting.get(record.key());
            if (reply != null) {
                reply.complete(record.value());
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
