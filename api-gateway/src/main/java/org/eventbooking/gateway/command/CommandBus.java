package org.eventbooking.gateway.command;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.UserCommand;
import org.eventbooking.serde.Json;
import org.eventbooking.topology.CommandReply;
import org.eventbooking.topology.RecordHeaderNames;
import org.eventbooking.topology.Topics;
import org.eventbooking.topology.UserCommandReply;

/**
 * Sends commands and completes with their committed replies. A command carries a fresh
 * correlation id and this node's reply partition; the engine's idempotency (by command id) makes a
 * resend after a timeout safe.
 */
public final class CommandBus implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final ReplyListener replies;
    private final byte[] replyPartition;
    private final Duration timeout;
    private final CommandSpans spans;

    public CommandBus(String bootstrapServers, String nodeId, ReplyListener replies, int replyPartition, Duration timeout,
                      OpenTelemetry openTelemetry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, nodeId + "-commands");
        // The stream thread fetches commands in batches of up to 5 ms anyway; sending them in
        // batches too saves the broker a produce request per command.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // send() blocks while the partition's leader is unknown (the broker down): never longer than
        // the reply timeout, so a request still gets its 504 in time instead of hanging.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.replies = replies;
        this.replyPartition = ReplyListener.utf8(Integer.toString(replyPartition));
        this.timeout = timeout;
        this.spans = new CommandSpans(openTelemetry);
    }

    public CompletableFuture<CommandReply> send(BookingCommand command, String traceparent) {
        return send(Topics.BOOKING_COMMANDS.name(), command.eventId(), Json.write(command), traceparent)
                .thenApply(json -> Json.read(json, CommandReply.class));
    }

    public CompletableFuture<UserCommandReply> send(UserCommand command, String traceparent) {
        return send(Topics.USER_COMMANDS.name(), command.email(), Json.write(command), traceparent)
                .thenApply(json -> Json.read(json, UserCommandReply.class));
    }

    private CompletableFuture<byte[]> send(String topic, String key, byte[] command, String traceparent) {
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<byte[]> reply = replies.expect(correlationId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, command);
        record.headers().add(RecordHeaderNames.CORRELATION_ID, ReplyListener.utf8(correlationId));
        record.headers().add(RecordHeaderNames.REPLY_PARTITION, replyPartition);
        if (traceparent != null) {
            record.headers().add(RecordHeaderNames.TRACEPARENT, ReplyListener.utf8(traceparent));
        }
        spans.sending(record, reply);
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    reply.completeExceptionally(notSent(failure));
                }
            });
        } catch (KafkaException e) {
            reply.completeExceptionally(notSent(e));
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new ReplyTimeoutException("no committed reply within " + timeout.toMillis() + " ms")
                        : failure));
    }

    /** A command that never reached Kafka changed nothing: the client may safely send it again. */
    private static ReplyTimeoutException notSent(Exception failure) {
        return new ReplyTimeoutException("the command could not be sent to Kafka (" + failure.getMessage() + ")");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
