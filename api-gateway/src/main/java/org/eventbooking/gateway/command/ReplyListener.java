package org.eventbooking.gateway.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eventbooking.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this node's partition of {@code booking-replies} with {@code read_committed}, so a reply
 * is seen only once the transaction that wrote it (with its events and store updates) committed,
 * and completes the request waiting for it. One thread, whatever the number of waiting requests.
 */
public final class ReplyListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyListener.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final Map<String, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public ReplyListener(String bootstrapServers, int replyPartition, String nodeId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, nodeId + "-replies");
        // Replies are read the moment a transaction commits: do not wait to fill a fetch.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.partition = new TopicPartition(Topics.BOOKING_REPLIES.name(), replyPartition);
        this.thread = new Thread(this::run, nodeId + "-reply-listener");
        this.thread.setDaemon(true);
    }

    /** Starts reading at the end of the partition: only replies to commands sent from now on matter. */
    public void start(Duration timeout) {
        thread.start();
        try {
            if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("could not position on " + partition + " within " + timeout
                        + ": is Kafka reachable and the topic created?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the reply listener", e);
        }
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

    private void run() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    CompletableFuture<byte[]> reply = record.key() == null ? null : waiting.get(record.key());
                    if (reply != null) {
                        reply.complete(record.value());
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("the reply listener stopped: requests will time out until the node restarts", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
