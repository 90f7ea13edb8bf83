package org.eventbooking.ops.replay;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.replay.LiveState;
import org.eventbooking.serde.Json;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreNames;
import org.eventbooking.topology.BookingTopology;
import org.eventbooking.topology.RecordHeaderNames;
import org.eventbooking.topology.StoreReads;
import org.eventbooking.topology.StreamsSettings;
import org.eventbooking.topology.Topics;
import org.eventbooking.topology.TopologySettings;

/** A node's Kafka Streams engine on a real broker, and a client that sends it commands as the gateway does. */
final class BookingEngine implements AutoCloseable {

    private final KafkaStreams streams;
    private final KafkaProducer<String, byte[]> producer;

    private BookingEngine(KafkaStreams streams, KafkaProducer<String, byte[]> producer) {
        this.streams = streams;
        this.producer = producer;
    }

    static BookingEngine start(String bootstrapServers, String applicationId, Path stateDir) {
        StreamsSettings settings = StreamsSettings.local(bootstrapServers, applicationId, stateDir).withCommitIntervalMs(20);
        KafkaStreams streams = new KafkaStreams(BookingTopology.build(TopologySettings.defaults()), settings.toProperties());
        streams.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new BookingEngine(streams, new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    void send(BookingCommand command) {
        send(Topics.BOOKING_COMMANDS.name(), command.eventId(), Json.write(command));
    }

    void send(RegisterUser command) {
        send(Topics.USER_COMMANDS.name(), command.email(), Json.write(command));
    }

    private void send(String topic, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(RecordHeaderNames.CORRELATION_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    StoreReads reads() {
        return new StoreReads(streams);
    }

    StateChecksum checksum() {
        return LiveState.checksum(streams, StoreNames.REBUILT_BY_REPLAY);
    }

    @Override
    public void close() {
        producer.close();
        // As a node does: leave the group on a clean stop, so the replay may start at once.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
