package org.eventbooking.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eventbooking.testsupport.Commands.confirm;
import static org.eventbooking.testsupport.Commands.createEvent;
import static org.eventbooking.testsupport.Commands.hold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.replay.LiveState;
import org.eventbooking.replay.LogReplay;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;
import org.eventbooking.testsupport.CommandRoundTrip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology on a real broker with exactly-once: committed round trips, restore and replay. */
class BookingTopologyIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private static LocalKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafkaCluster.builder().heap("-Xmx512m").build();
        kafka.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin).createMissing(3, (short) 1);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void sold_seat_stays_sold_after_the_state_directory_is_wiped_and_the_log_replays_to_the_same_state(@TempDir Path stateDir)
            throws Exception {
        String applicationId = "booking-it-" + UUID.randomUUID();
        String eventId = "event-" + UUID.randomUUID();
        String bookingId;

        KafkaStreams first = start(applicationId, stateDir);
        try (CommandRoundTrip client = new CommandRoundTrip(kafka.bootstrapServers())) {
            assertThat(client.send(createEvent(eventId, Instant.now(), 5, 10, 600), REPLY_TIMEOUT).isAccepted()).isTrue();
            CommandReply held = client.send(hold(eventId, "alice", "FLOOR-1-1", "FLOOR-1-2"), REPLY_TIMEOUT);
            assertThat(held.booking().status()).isEqualTo(BookingStatus.HELD);
            bookingId = held.booking().bookingId();
            assertThat(client.send(confirm(eventId, bookingId, 10_000), REPLY_TIMEOUT).booking().status())
                    .isEqualTo(BookingStatus.CONFIRMED);
            assertThat(client.send(hold(eventId, "bob", "FLOOR-1-3"), REPLY_TIMEOUT).isAccepted()).isTrue();
        }
        StateChecksum before = LiveState.checksum(first);
        first.close(Duration.ofSeconds(30));
        wipe(stateDir);

        KafkaStreams restored = start(applicationId, stateDir);
        try (CommandRoundTrip client = new CommandRoundTrip(kafka.bootstrapServers())) {
            CommandReply rejected = client.send(hold(eventId, "carol", "FLOOR-1-2", "FLOOR-2-2"), REPLY_TIMEOUT);
            assertThat(rejected.rejection().reason()).isEqualTo(RejectionReason.SEATS_UNAVAILABLE);
            assertThat(rejected.rejection().seats()).containsExactly("FLOOR-1-2");
            assertThat(LiveState.checksum(restored)).isEqualTo(before);
            assertThat(new LogReplay(kafka.bootstrapServers()).replay(n -> { }).tables())
                    .satisfies(tables -> assertThat(StateChecksum.of(tables.byName())).isEqualTo(before));
        } finally {
            restored.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void interactive_queries_read_committed_counts_while_the_stream_thread_writes(@TempDir Path stateDir) throws Exception {
        String eventId = "event-" + UUID.randomUUID();
        KafkaStreams streams = start("booking-iq-" + UUID.randomUUID(), stateDir);
        try (CommandRoundTrip client = new CommandRoundTrip(kafka.bootstrapServers())) {
            client.send(createEvent(eventId, Instant.now(), 100, 100, 600), REPLY_TIMEOUT);
            ReadOnlyKeyValueStore<String, SectionAvailability> sections = streams.store(
                    StoreQueryParameters.fromNameAndType(StoreNames.SECTIONS, QueryableStoreTypes.keyValueStore()));
            String sectionKey = StoreKeys.section(eventId, "FLOOR");
            int commands = 5_000;
            Thread writer = new Thread(() -> fireHolds(client, eventId, commands));
            writer.start();
            long queries = 0;
            SectionAvailability seen = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // Each read must return promptly and see whole commits: the counts always add up.
            while ((seen == null || seen.held() < commands) && System.nanoTime() < deadline) {
                seen = sections.get(sectionKey);
                assertThat(seen.available() + seen.held() + seen.sold()).isEqualTo(10_000);
                queries++;
            }
            writer.join();
            assertThat(seen.held()).as("holds seen after %d queries", queries).isEqualTo(commands);
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** One single-seat hold per seat of the first rows, without waiting for replies. */
    private static void fireHolds(CommandRoundTrip client, String eventId, int count) {
        for (int i = 0; i < count; i++) {
            client.fire(hold(eventId, "user-" + i, "FLOOR-" + (1 + i / 100) + "-" + (1 + i % 100)));
        }
    }

    private static KafkaStreams start(String applicationId, Path stateDir) {
        StreamsSettings settings = StreamsSettings.local(kafka.bootstrapServers(), applicationId, stateDir);
        KafkaStreams streams = new KafkaStreams(BookingTopology.build(TopologySettings.defaults()), settings.toProperties());
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private static void wipe(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
        assertThat(dir).isEmptyDirectory();
    }
}
