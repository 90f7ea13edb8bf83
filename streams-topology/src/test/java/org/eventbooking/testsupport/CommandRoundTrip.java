package org.eventbooking.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.topology.CommandReply;
import org.eventbooking.topology.RecordHeaderNames;
import org.eventbooking.topology.Topics;

/** Sends one command to a real broker and waits for its committed reply (read_committed). */
public final class CommandRoundTrip implements AutoCloseable {

    private final KafkaProducer<String, BookingCommand> producer;
    private final KafkaConsumer<String, CommandReply> replies;

    public CommandRoundTrip(String bootstrapServers) {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerProps, Topics.BOOKING_COMMANDS.keySerde().serializer(),
                Topics.BOOKING_COMMANDS.valueSerde().serializer());
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        replies = new KafkaConsumer<>(consumerProps, Topics.BOOKING_REPLIES.keySerde().deserializer(),
                Topics.BOOKING_REPLIES.valueSerde().deserializer());
        List<TopicPartition> partitions = replies.partitionsFor(Topics.BOOKING_REPLIES.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        replies.assign(partitions);
        replies.seekToEnd(partitions);
        partitions.forEach(replies::position);
    }

    public CommandReply send(BookingCommand command, Duration timeout) {
        String correlationId = UUID.randomUUID().toString();
        try {
            producer.send(record(command, correlationId)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + command, e);
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CommandReply> reply : replies.poll(Duration.ofMillis(100))) {
                if (correlationId.equals(reply.key())) {
                    return reply.value();
                }
            }
        }
        throw new AssertionError("no committed reply to " + command + " within " + timeout);
    }

    /** Sends without waiting for the reply; the producer is thread-safe. */
    public void fire(BookingCommand command) {
        producer.send(record(command, UUID.randomUUID().toString()));
    }

    private static ProducerRecord<String, BookingCommand> record(BookingCommand command, String correlationId) {
        ProducerRecord<String, BookingCommand> record = new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), command.eventId(), command);
        record.headers().add(RecordHeaderNames.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Override
    public void close() {
        producer.close();
        replies.close();
    }
}
