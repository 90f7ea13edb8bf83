package org.eventbooking.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.SeatState;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.serde.JsonSerde;
import org.eventbooking.state.HoldRef;
import org.eventbooking.state.StoreNames;
import org.eventbooking.topology.internals.BookingCommandProcessor;
import org.eventbooking.topology.internals.StoredOutcome;

/**
 * The booking engine: {@code booking-commands} → one decide/evolve processor over RocksDB stores →
 * {@code booking-events}, {@code event-streams}, {@code booking-replies}, {@code dead-letters}.
 */
public final class BookingTopology {

    private static final String COMMANDS_SOURCE = "booking-commands-source";
    private static final String PROCESSOR = "booking-decider";

    private BookingTopology() {
    }

    public static Topology build(TopologySettings settings) {
        Topology topology = new Topology();
        // Commands are read as bytes so an unreadable one goes to the dead-letter topic inside the
        // processor's transaction, instead of stopping the topology.
        topology.addSource(COMMANDS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.BOOKING_COMMANDS.name());
        topology.addProcessor(PROCESSOR, () -> new BookingCommandProcessor(settings), COMMANDS_SOURCE);

        // The record cache only pays where a key is written again within a commit interval: the
        // section and row counts then send one changelog record per key and commit, not one per
        // command. The other stores' keys are written once per command; caching them would add a
        // copy, a sorted-map insert and a later flush per write, and keep them on the heap.
        topology.addStateStore(keyValueStore(StoreNames.EVENTS, JsonSerde.of(EventInfo.class)), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.SEATS, JsonSerde.of(SeatState.class)), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.BOOKINGS, JsonSerde.of(Booking.class)), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.SECTIONS, JsonSerde.of(SectionAvailability.class)).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.ROWS, Serdes.Integer()).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(keyValueStore(StoreNames.EXPIRIES, JsonSerde.of(HoldRef.class)), PROCESSOR);
        topology.addStateStore(outcomeStore(settings), PROCESSOR);

        addSink(topology, BookingCommandProcessor.BOOKING_EVENTS_SINK, Topics.BOOKING_EVENTS);
        addSink(topology, BookingCommandProcessor.CATALOG_SINK, Topics.EVENT_STREAMS);
        // Replies are forwarded as JSON bytes: serialised once for the idempotency store and the topic.
        topology.addSink(BookingCommandProcessor.REPLIES_SINK, Topics.BOOKING_REPLIES.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(BookingCommandProcessor.DEAD_LETTERS_SINK, Topics.DEAD_LETTERS.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        return topology;
    }

    private static <V> void addSink(Topology topology, String name, Topic<String, V> topic) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), PROCESSOR);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(String name, Serde<V> values) {
        KeyValueBytesStoreSupplier rocksDb = Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(rocksDb, Serdes.String(), values);
    }

    private static StoreBuilder<?> outcomeStore(TopologySettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.IDEMPOTENCY, settings.idempotencyWindow(), settings.idempotencyWindow(), false),
                Serdes.String(), StoredOutcome.serde());
    }
}
