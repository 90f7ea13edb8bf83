package org.eventbooking.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.SeatId;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.ConfirmBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.ops.OpsMain;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;
import org.eventbooking.topology.TopicProvisioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./booking replay state} against a real broker and the real engine: bookings made, the
 * stores' checksums taken, the stores rebuilt from the log, and a node restarted on the rebuilt
 * changelogs has the very same stores; a corrupted and a deleted changelog are rebuilt too.
 */
class ReplayStateIT {

    private static final String APPLICATION = "replay-it";
    private static LocalKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        // A loaded CI host may need more than the default minute for a broker to come up.
        kafka = LocalKafkaCluster.builder().heap("-Xmx512m").startTimeout(Duration.ofMinutes(3)).build();
        kafka.start();
        try (Admin admin = admin()) {
            new TopicProvisioner(admin).createMissing(3, (short) 1);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void rebuilds_every_store_from_the_log_and_repairs_a_corrupted_and_a_deleted_changelog(@TempDir Path stateRoot) throws Exception {
        Path nodeState = stateRoot.resolve("node-1");
        String eventId = "ev-" + UUID.randomUUID();
        String shortHolds = "ev-short-" + UUID.randomUUID();
        HoldSeats releasedHold = hold(eventId, "u-1", "FLOOR-1-1", "FLOOR-1-2");
        StateChecksum live;
        try (BookingEngine engine = BookingEngine.start(kafka.bootstrapServers(), APPLICATION, nodeState)) {
            makeBookings(engine, eventId, shortHolds, releasedHold);
            live = engine.checksum();
            Run history = run("inspect", "booking", confirmedBookingId(eventId, engine), "--bootstrap", kafka.bootstrapServers());
            assertThat(history.exit).as(history.err).isZero();
            assertThat(history.out).contains("SeatsHeld", "BookingConfirmed", "seats=FLOOR-2-1,FLOOR-2-2", "cause: command ",
                    "status now: CONFIRMED");
            assertThat(live.tables()).containsOnlyKeys(StoreNames.REBUILT_BY_REPLAY);
            Run refused = replay("state", "--state-dir", stateRoot.toString());
            assertThat(refused.exit).isEqualTo(1);
            assertThat(refused.err).contains("member(s) of Streams application '" + APPLICATION + "' are active");
        }

        Run rebuilt = replay("state", "--state-dir", stateRoot.toString());
        assertThat(rebuilt.exit).as(rebuilt.err).isZero();
        assertThat(rebuilt.out).contains("replay state: OK - 8 stores rebuilt from").contains("identical to the stores before");
        assertThat(nodeState.resolve(APPLICATION)).doesNotExist();
        StateChecksum withMarker;
        try (BookingEngine restarted = BookingEngine.start(kafka.bootstrapServers(), APPLICATION, nodeState)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> restarted.checksum().equals(live));
            // The idempotency store was kept: a retried hold gets its original outcome and holds nothing again.
            restarted.send(releasedHold);
            HoldSeats marker = hold(eventId, "u-2", "FLOOR-3-1");
            restarted.send(marker);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> restarted.reads().booking(eventId, marker.bookingId()).isPresent() && userViewCaughtUp(restarted, "u-2", 3));
            assertThat(restarted.reads().seats(restarted.reads().event(eventId).orElseThrow()).get("FLOOR-1-1"))
                    .isEqualTo(SeatStatus.AVAILABLE);
            withMarker = restarted.checksum();
        }

        corruptSeats(eventId);
        deleteTopic(APPLICATION + "-" + StoreNames.USERS + "-changelog");

        Run check = replay("state", "--check");
        assertThat(check.exit).isEqualTo(1);
        assertThat(check.out).contains("replay state: DIFFERENT - seats, users differ");

        Run repaired = replay("state", "--state-dir", stateRoot.toString());
        assertThat(repaired.exit).as(repaired.err).isZero();
        assertThat(repaired.out).contains("replay state: REPAIRED").contains("before, seats, users differed from the log");
        try (BookingEngine restarted = BookingEngine.start(kafka.bootstrapServers(), APPLICATION, nodeState)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> restarted.checksum().equals(withMarker));
            assertThat(restarted.reads().account("ann@example.com")).isPresent();
        }
    }

    @Test
    void an_unreachable_broker_is_a_clear_error() {
        Run run = run("replay", "state", "--bootstrap", "127.0.0.1:1");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("cannot reach Kafka at 127.0.0.1:1").contains("--bootstrap");
    }

    @Test
    void every_subcommand_has_help() {
        for (List<String> command : List.of(List.of("replay", "--help"), List.of("replay", "state", "--help"),
                List.of("replay", "projections", "--help"), List.of("inspect", "booking", "--help"), List.of("inspect", "event", "--help"))) {
            Run run = run(command.toArray(String[]::new));
            assertThat(run.exit).as(String.join(" ", command)).isZero();
            assertThat(run.out).contains("Usage:");
        }
        assertThat(run("replay", "state", "--no-such-option").exit).isEqualTo(2);
    }

    private static void makeBookings(BookingEngine engine, String eventId, String shortHolds, HoldSeats releasedHold) {
        engine.send(new RegisterUser("reg-" + UUID.randomUUID(), "u-1", "ann@example.com", "ann", "customer", "hash-1"));
        engine.send(new RegisterUser("reg-" + UUID.randomUUID(), "u-2", "bob@example.com", "bob", "customer", "hash-2"));
        engine.send(createEvent(eventId, 600));
        engine.send(createEvent(shortHolds, 1));
        engine.send(releasedHold);
        engine.send(new ReleaseHold("rel-" + UUID.randomUUID(), "u-1", eventId, releasedHold.bookingId(), false));
        HoldSeats confirmed = hold(eventId, "u-1", "FLOOR-2-1", "FLOOR-2-2");
        engine.send(confirmed);
        engine.send(new ConfirmBooking("pay-" + UUID.randomUUID(), "payments", eventId, confirmed.bookingId(), "p-1", 10_000, "EUR"));
        HoldSeats cancelled = hold(eventId, "u-2", "FLOOR-2-5");
        engine.send(cancelled);
        engine.send(new ConfirmBooking("pay-" + UUID.randomUUID(), "payments", eventId, cancelled.bookingId(), "p-2", 5_000, "EUR"));
        engine.send(new CancelBooking("can-" + UUID.randomUUID(), "u-2", eventId, cancelled.bookingId(), false));
        HoldSeats held = hold(eventId, "u-2", "FLOOR-4-4");
        engine.send(held);
        HoldSeats expires = hold(shortHolds, "u-1", "FLOOR-1-1");
        engine.send(expires);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                engine.reads().booking(shortHolds, expires.bookingId()).orElseThrow().status() == BookingStatus.EXPIRED
                        && engine.reads().booking(eventId, held.bookingId()).isPresent()
                        && engine.reads().booking(eventId, cancelled.bookingId()).orElseThrow().status() == BookingStatus.CANCELLED
                        && engine.reads().account("bob@example.com").isPresent()
                        && userViewCaughtUp(engine, "u-1", 3) && userViewCaughtUp(engine, "u-2", 2));
    }

    /**
     * The user-keyed view is fed through a repartition topic, so it trails the bookings store: a
     * checksum taken before it caught up would be of a state the log never settles in.
     */
    private static boolean userViewCaughtUp(BookingEngine engine, String userId, int bookings) {
        List<Booking> view = engine.reads().userBookings(userId);
        return view.size() == bookings && view.stream().allMatch(booking ->
                engine.reads().booking(booking.eventId(), booking.bookingId()).orElseThrow().equals(booking));
    }

    private static String confirmedBookingId(String eventId, BookingEngine engine) {
        return engine.reads().userBookings("u-1").stream()
                .filter(b -> b.eventId().equals(eventId) && b.status() == BookingStatus.CONFIRMED).findFirst().orElseThrow().bookingId();
    }

    /** A sold seat made available behind the engine's back, as a bad changelog write would. */
    private static void corruptSeats(String eventId) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            String seatKey = StoreKeys.seat(eventId, SeatId.parse("FLOOR-2-1").orElseThrow());
            int partition = ChangelogLayout.partition(StoreNames.SEATS, seatKey, null, 3);
            producer.send(new ProducerRecord<>(APPLICATION + "-seats-changelog", partition, seatKey, null)).get();
        }
    }

    private static void deleteTopic(String topic) {
        try (Admin admin = admin()) {
            KafkaOptions.await(admin.deleteTopics(List.of(topic)).all(), "delete " + topic);
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listTopics().names().get().contains(topic));
        }
    }

    private static CreateEvent createEvent(String eventId, int holdTtlSeconds) {
        return new CreateEvent("create-" + eventId, "organizer-1", eventId, "Replay Live", "Arena",
                Instant.now().plus(Duration.ofDays(30)), "EUR", holdTtlSeconds, null,
                List.of(new Section("FLOOR", 5_000, 10, 10)), null);
    }

    private static HoldSeats hold(String eventId, String userId, String... seats) {
        return new HoldSeats("hold-" + UUID.randomUUID(), userId, eventId, eventId + "." + UUID.randomUUID(), List.of(seats));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static Run replay(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--bootstrap";
        all[args.length + 2] = kafka.bootstrapServers();
        all[args.length + 3] = "--application-id";
        all[args.length + 4] = APPLICATION;
        return run(all);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new OpsMain()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
    }
}
