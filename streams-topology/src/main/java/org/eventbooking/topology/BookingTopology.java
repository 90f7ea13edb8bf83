package org.eventbooking.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.eventbooking.domain.Booking;
import org.eventbooking.state.StoreNames;
import org.eventbooking.topology.internals.BookingCommandProcessor;
import org.eventbooking.topology.internals.ReplyPartitioner;
import org.eventbooking.topology.internals.UserBookingsProcessor;
import org.eventbooking.topology.internals.UserCommandProcessor;
import org.eventbooking.topology.internals.StoredOutcome;
import org.eventbooking.topology.internals.TracedCommandProcessor;

/**
 * The booking engine, three sub-topologies:
 * <ul>
 *   <li>{@code booking-commands} → one decide/evolve processor per event over RocksDB stores →
 *       {@code booking-events}, {@code event-streams}, {@code booking-replies}, {@code bookings-by-user};
 *   <li>{@code user-commands} → one sign-up decider per email → {@code event-streams}, {@code booking-replies};
 *   <li>{@code bookings-by-user} → the {@code user-bookings} view that answers "my bookings".
 * </ul>
 * Unreadable commands go to {@code dead-letters}.
 */
public final class BookingTopology {

    private static final String COMMANDS_SOURCE = "booking-commands-source";
    private static final String PROCESSOR = "booking-decider";
    private static final String USER_COMMANDS_SOURCE = "user-commands-source";
    private static final String USER_PROCESSOR = "user-decider";
    private static final String BOOKINGS_BY_USER_SOURCE = "bookings-by-user-source";
    private static final String USER_BOOKINGS_PROCESSOR = "user-bookings-view";

    private BookingTopology() {
    }

    public static Topology build(TopologySettings settings) {
        return build(settings, TopologyTelemetry.none());
    }

    public static Topology build(TopologySettings settings, TopologyTelemetry telemetry) {
        Topology topology = new Topology();
        addBookings(topology, settings, telemetry);
        addUsers(topology, telemetry);
        addUserBookingsView(topology);
        return topology;
    }

    private static void addBookings(Topology topology, TopologySettings settings, TopologyTelemetry telemetry) {
        // Commands are read as bytes so an unreadable one goes to the dead-letter topic inside the
        // processor's transaction, instead of stopping the topology.
        topology.addSource(COMMANDS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.BOOKING_COMMANDS.name());
        topology.addProcessor(PROCESSOR, () -> traced(new BookingCommandProcessor(settings, telemetry.decisions()), telemetry,
                Topics.BOOKING_COMMANDS.name()), COMMANDS_SOURCE);

        // The record cache only pays where a key is written again within a commit interval: the
        // section counts and row bitmaps then send one changelog record per key and commit, not one per
        // command. The other stores' keys are written once per command; caching them would add a
        // copy, a sorted-map insert and a later flush per write, and keep them on the heap.
        topology.addStateStore(keyValueStore(StoreNames.EVENTS), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.SEATS), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.BOOKINGS), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.SECTIONS).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.ROWS).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.EXPIRIES), PROCESSOR);
        topology.addStateStore(outcomeStore(settings), PROCESSOR);

        addSink(topology, BookingCommandProcessor.BOOKING_EVENTS_SINK, Topics.BOOKING_EVENTS, PROCESSOR);
        addSink(topology, BookingCommandProcessor.CATALOG_SINK, Topics.EVENT_STREAMS, PROCESSOR);
        addSink(topology, BookingCommandProcessor.PAYMENTS_SINK, Topics.PAYMENT_EVENTS, PROCESSOR);
        addSink(topology, BookingCommandProcessor.USER_BOOKINGS_SINK, Topics.BOOKINGS_BY_USER, PROCESSOR);
        addReplyAndDeadLetterSinks(topology, BookingCommandProcessor.REPLIES_SINK, BookingCommandProcessor.DEAD_LETTERS_SINK, PROCESSOR);
    }

    /** Sign-ups: {@code user-commands} (keyed by email) → one decider per email → {@code event-streams}. */
    private static void addUsers(Topology topology, TopologyTelemetry telemetry) {
        topology.addSource(USER_COMMANDS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.USER_COMMANDS.name());
        topology.addProcessor(USER_PROCESSOR, () -> traced(new UserCommandProcessor(), telemetry, Topics.USER_COMMANDS.name()),
                USER_COMMANDS_SOURCE);
        topology.addStateStore(keyValueStore(StoreNames.USERS), USER_PROCESSOR);
        addSink(topology, UserCommandProcessor.USER_EVENTS_SINK, Topics.EVENT_STREAMS, USER_PROCESSOR);
        addReplyAndDeadLetterSinks(topology, UserCommandProcessor.USER_REPLIES_SINK, UserCommandProcessor.USER_DEAD_LETTERS_SINK,
                USER_PROCESSOR);
    }

    /** Each user's bookings in one place: {@code bookings-by-user} → the {@code user-bookings} store. */
    private static void addUserBookingsView(Topology topology) {
        Topic<String, Booking> topic = Topics.BOOKINGS_BY_USER;
        topology.addSource(BOOKINGS_BY_USER_SOURCE, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
        topology.addProcessor(USER_BOOKINGS_PROCESSOR, UserBookingsProcessor::new, BOOKINGS_BY_USER_SOURCE);
        topology.addStateStore(keyValueStore(StoreNames.USER_BOOKINGS), USER_BOOKINGS_PROCESSOR);
    }

    private static <KOut, VOut> Processor<String, byte[], KOut, VOut> traced(Processor<String, byte[], KOut, VOut> processor,
                                                                            TopologyTelemetry telemetry, String topic) {
        return telemetry.tracing() ? new TracedCommandProcessor<>(processor, telemetry.openTelemetry(), topic) : processor;
    }

    private static <V> void addSink(Topology topology, String name, Topic<String, V> topic, String parent) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), parent);
    }

    // Replies are forwarded as JSON bytes: serialised once for the idempotency store and the topic.
    private static void addReplyAndDeadLetterSinks(Topology topology, String repliesSink, String deadLettersSink, String parent) {
        topology.addSink(repliesSink, Topics.BOOKING_REPLIES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                new ReplyPartitioner(), parent);
        topology.addSink(deadLettersSink, Topics.DEAD_LETTERS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                parent);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(String name) {
        KeyValueBytesStoreSupplier rocksDb = Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(rocksDb, Serdes.String(), StoreSerdes.<V>values(name));
    }

    private static StoreBuilder<?> outcomeStore(TopologySettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.IDEMPOTENCY, settings.idempotencyWindow(), settings.idempotencyWindow(), false),
                Serdes.String(), StoredOutcome.serde());
    }
}
