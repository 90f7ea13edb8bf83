package org.eventbooking.sink.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.UserRegistered;
import org.eventbooking.serde.Json;

/** Writes facts to the log topics as the engine does: the project's JSON, keyed by event id (users by email). */
public final class LogProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final boolean transactional;

    public LogProducer(String bootstrapServers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), false);
    }

    private LogProducer(Map<String, Object> config, boolean transactional) {
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.transactional = transactional;
        if (transactional) {
            producer.initTransactions();
            producer.beginTransaction();
        }
    }

    /**
     * Sends in transactions, as the engine writes its log: each {@link #flush()} commits one, so the
     * partitions end in commit markers that consumers never receive as records.
     */
    public static LogProducer transactional(String bootstrapServers, String transactionalId) {
        return new LogProducer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), true);
    }

    public void send(String topic, LogEvent fact) {
        sendRaw(topic, keyOf(fact), Json.write(fact));
    }

    private static String keyOf(LogEvent fact) {
        return fact instanceof UserRegistered user ? user.email() : ((BookingEvent) fact).eventId();
    }

    /** As the engine writes a fact its command caused: with the command's trace context in {@code traceparent}. */
    public void sendTraced(String topic, LogEvent fact, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, keyOf(fact), Json.write(fact));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    public void sendRaw(String topic, String key, String value) {
        sendRaw(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private void sendRaw(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Waits until everything sent is acknowledged (and committed, when transactional). */
    public void flush() {
        if (transactional) {
            producer.commitTransaction();
            producer.beginTransaction();
        } else {
            producer.flush();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
