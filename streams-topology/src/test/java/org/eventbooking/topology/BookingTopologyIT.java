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
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.replay.LiveState;
import org.eventbooking.replay.LogReplay;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.testsupport.CommandRoundTrip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topology on a real broker with exactly-once: committed round trips, restore and replay. */
class BookingTopologyIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private static LocalKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafkaCluster.builder().heap("-Xmx512m").build();
        kafka.start();
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin).createMissing(3, (short) 1);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void sold_seat_stays_sold_after_the_state_directory_is_wiped_and_the_log_replays_to_the_same_state() throws Exception {
        String applicationId = "booking-it-" + UUID.randomUUID();
        Path stateDir = Files.createTempDirectory("booking-state");
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

    private static KafkaStreams start(String applicationId, Path stateDir) {
        StreamsSettings settings = StreamsSettings.local(kafka.bootstrapServers(), applicationId, stateDir);
        KafkaStreams streams = new KafkaStreams(BookingTopology.build(TopologySettings.defaults()), settings.toProperties());
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private static void wipe(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
        assertThat(dir).isEmptyDirectory();
    }
}
