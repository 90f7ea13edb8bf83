package org.eventbooking.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.replay.LogFold;
import org.eventbooking.serde.Json;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;
import org.eventbooking.topology.internals.KafkaTable;

/** The booking topology in a {@link TopologyTestDriver}, with its topics at hand. */
final class TopologyFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> commands;
    final TestInputTopic<String, byte[]> userCommands;
    final TestOutputTopic<String, BookingEvent> bookingEvents;
    final TestOutputTopic<String, LogEvent> catalog;
    final TestOutputTopic<String, BookingEvent> paymentEvents;
    final TestOutputTopic<String, CommandReply> replies;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestOutputTopic<String, Booking> bookingsByUser;
    private final TestOutputTopic<String, byte[]> rawReplies;
    private Instant wallClock = START;

    TopologyFixture(Path stateDir) {
        Properties props = StreamsSettings.local("unused:9092", "booking-test", stateDir).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(BookingTopology.build(TopologySettings.defaults()), props, START);
        commands = driver.createInputTopic(Topics.BOOKING_COMMANDS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        bookingEvents = output(Topics.BOOKING_EVENTS);
        catalog = output(Topics.EVENT_STREAMS);
        paymentEvents = output(Topics.PAYMENT_EVENTS);
        replies = output(Topics.BOOKING_REPLIES);
        userCommands = driver.createInputTopic(Topics.USER_COMMANDS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        bookingsByUser = output(Topics.BOOKINGS_BY_USER);
        rawReplies = driver.createOutputTopic(Topics.BOOKING_REPLIES.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    static TopologyFixture inTempDir() {
        try {
            return new TopologyFixture(Files.createTempDirectory("booking-ttd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    /** Sends a command with a correlation id and returns the reply to it. */
    CommandReply send(BookingCommand command) {
        String correlationId = "req-" + command.commandId() + "-" + System.nanoTime();
        sendRaw(command.eventId(), Json.write(command), correlationId);
        Map<String, CommandReply> byCorrelation = new LinkedHashMap<>();
        replies.readRecordsToList().forEach(r -> byCorrelation.put(r.key(), r.value()));
        CommandReply reply = byCorrelation.get(correlationId);
        if (reply == null) {
            throw new AssertionError("no reply for " + command + "; replies: " + byCorrelation);
        }
        return reply;
    }

    /** Sends a user command and returns the reply to it. */
    UserCommandReply send(RegisterUser command) {
        String correlationId = "req-" + command.commandId();
        RecordHeaders headers = new RecordHeaders();
        headers.add(RecordHeaderNames.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        userCommands.pipeInput(new TestRecord<>(command.email(), Json.write(command), headers, wallClock));
        return rawReplies.readRecordsToList().stream()
                .filter(r -> r.key().equals(correlationId))
                .map(r -> Json.read(r.value(), UserCommandReply.class))
                .findFirst().orElseThrow(() -> new AssertionError("no reply for " + command));
    }

    void sendRaw(String key, byte[] value, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RecordHeaderNames.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        commands.pipeInput(new TestRecord<>(key, value, headers, wallClock));
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
        wallClock = wallClock.plus(by);
    }

    /** Every event appended to the log so far (catalog first, then bookings), consuming them. */
    List<LogEvent> drainLog() {
        List<LogEvent> log = new ArrayList<>(catalog.readValuesToList());
        log.addAll(bookingEvents.readValuesToList());
        return log;
    }

    StateChecksum liveChecksum() {
        Map<String, Table<?>> tables = new LinkedHashMap<>();
        for (String name : StoreNames.DERIVED_FROM_LOG) {
            tables.put(name, KafkaTable.readOnly(driver.getKeyValueStore(name)));
        }
        return StateChecksum.of(tables);
    }

    static StateChecksum foldChecksum(List<? extends LogEvent> log) {
        LogFold fold = LogFold.inMemory();
        log.forEach(fold::apply);
        return StateChecksum.of(fold.tables().byName());
    }

    @Override
    public void close() {
        driver.close();
    }
}
