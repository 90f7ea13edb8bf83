package org.eventbooking.gateway.live;

import io.javalin.http.sse.SseClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.gateway.ConsumerLoop;
import org.eventbooking.gateway.http.api.AvailabilityView;
import org.eventbooking.gateway.query.Availability;
import org.eventbooking.serde.Json;
import org.eventbooking.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes availability changes to Server-Sent Events clients of any node: every node tails the
 * committed booking log, and for each event somebody watches sends the seats that changed with
 * the sections' counts as they are after the change.
 */
public final class AvailabilityFeed extends ConsumerLoop<BookingEvent> {

    public static final String EVENT_NAME = "availability";
    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityFeed.class);

    private final Function<String, CompletableFuture<Optional<Availability>>> counts;
    private final Map<String, Set<SseClient>> watchers = new ConcurrentHashMap<>();

    /** @param counts the current section counts of an event */
    public AvailabilityFeed(String bootstrapServers, String nodeId, Function<String, CompletableFuture<Optional<Availability>>> counts) {
        super(consumer(bootstrapServers, nodeId), nodeId + "-availability-feed", "live availability clients get no more changes");
        this.counts = counts;
    }

    private static KafkaConsumer<String, BookingEvent> consumer(String bootstrapServers, String nodeId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, nodeId + "-availability-feed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new KafkaConsumer<>(props, Topics.BOOKING_EVENTS.keySerde().deserializer(), Topics.BOOKING_EVENTS.valueSerde().deserializer());
    }

    /** Keeps the client open and sends it the current counts, then every change. */
    public void subscribe(String eventId, SseClient client) {
        client.keepAlive();
        watchers.computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> unsubscribe(eventId, client));
        counts.apply(eventId).thenAccept(found -> found.ifPresent(availability ->
                send(client, AvailabilityView.change(availability, Map.of()))));
    }

    public int watcherCount() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    private void unsubscribe(String eventId, SseClient client) {
        watchers.computeIfPresent(eventId, (id, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        });
    }

    /** Every partition, from the end: watchers want what changes from now on. */
    @Override
    protected void position() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BOOKING_EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @Override
    protected void handle(ConsumerRecords<String, BookingEvent> records) {
        Map<String, Map<String, SeatStatus>> changed = new LinkedHashMap<>();
        for (ConsumerRecord<String, BookingEvent> record : records) {
            if (record.value() != null && watchers.containsKey(record.value().eventId())) {
                changed.computeIfAbsent(record.value().eventId(), id -> new LinkedHashMap<>()).putAll(SeatChanges.of(record.value()));
            }
        }
        changed.forEach(this::publish);
    }

    private void publish(String eventId, Map<String, SeatStatus> seats) {
        counts.apply(eventId).thenAccept(found -> found.ifPresent(availability -> {
            AvailabilityView change = AvailabilityView.change(availability, seats);
            watchers.getOrDefault(eventId, Set.of()).forEach(client -> send(client, change));
        })).exceptionally(failure -> {
            LOG.warn("could not read the counts of event {} for live clients: {}", eventId, failure.toString());
            return null;
        });
    }

    private static void send(SseClient client, AvailabilityView change) {
        if (!client.terminated()) {
            client.sendEvent(EVENT_NAME, new String(Json.write(change), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        super.close();
        // The HTTP server, stopped before the feed, has closed the clients' connections.
        watchers.clear();
    }
}
