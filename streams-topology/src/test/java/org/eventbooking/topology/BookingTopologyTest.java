package org.eventbooking.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.testsupport.Commands.cancel;
import static org.eventbooking.testsupport.Commands.confirm;
import static org.eventbooking.testsupport.Commands.createEvent;
import static org.eventbooking.testsupport.Commands.hold;
import static org.eventbooking.testsupport.Commands.holdBest;
import static org.eventbooking.testsupport.Commands.release;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.SectionAvailability;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.testsupport.Commands;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.serde.Json;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTopologyTest {

    private static final String EVENT = "event-1";

    private TopologyFixture fixture;
    private LogEvent created;

    @BeforeEach
    void start() {
        fixture = TopologyFixture.inTempDir();
        assertThat(fixture.send(createEvent(EVENT, TopologyFixture.START, 10, 20, 60)).isAccepted()).isTrue();
        created = fixture.catalog.readValue();
        assertThat(created).isInstanceOf(EventCreated.class);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void hold_appends_seats_held_and_replies_with_the_committed_booking() {
        CommandReply reply = fixture.send(hold(EVENT, "alice", "FLOOR-1-1", "FLOOR-1-2"));

        assertThat(reply.isAccepted()).isTrue();
        assertThat(reply.booking().status()).isEqualTo(BookingStatus.HELD);
        assertThat(reply.booking().totalCents()).isEqualTo(10_000);
        assertThat(reply.booking().expiresAt()).isEqualTo(TopologyFixture.START.plusSeconds(60));
        TestRecord<String, BookingEvent> event = fixture.bookingEvents.readRecord();
        assertThat(event.key()).isEqualTo(EVENT);
        assertThat(event.value()).isInstanceOf(SeatsHeld.class);
        assertThat(section()).isEqualTo(new SectionAvailability("FLOOR", 200, 198, 2, 0));
    }

    @Test
    void rejects_hold_on_held_seat_naming_the_taken_seats() {
        fixture.send(hold(EVENT, "alice", "FLOOR-1-1", "FLOOR-1-2"));
        fixture.bookingEvents.readValuesToList();

        CommandReply reply = fixture.send(hold(EVENT, "bob", "FLOOR-1-2", "FLOOR-1-3"));

        assertThat(reply.isAccepted()).isFalse();
        assertThat(reply.rejection().reason()).isEqualTo(RejectionReason.SEATS_UNAVAILABLE);
        assertThat(reply.rejection().seats()).containsExactly("FLOOR-1-2");
        assertThat(fixture.bookingEvents.isEmpty()).isTrue();
    }

    @Test
    void paid_booking_is_confirmed_then_cancelled_and_its_seats_return_to_sale() {
        CommandReply held = fixture.send(hold(EVENT, "alice", "FLOOR-2-5"));
        String bookingId = held.booking().bookingId();

        CommandReply confirmed = fixture.send(confirm(EVENT, bookingId, 5_000));
        assertThat(confirmed.booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(section()).isEqualTo(new SectionAvailability("FLOOR", 200, 199, 0, 1));
        assertThat(fixture.send(hold(EVENT, "bob", "FLOOR-2-5")).rejection().reason()).isEqualTo(RejectionReason.SEATS_UNAVAILABLE);

        CommandReply cancelled = fixture.send(cancel(EVENT, "alice", bookingId));
        assertThat(cancelled.booking().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(fixture.bookingEvents.readValuesToList()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SeatsHeld", "BookingConfirmed", "BookingCancelled", "RefundRequested");
        assertThat(fixture.paymentEvents.readValuesToList()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RefundRequested");
        assertThat(section().available()).isEqualTo(200);
        assertThat(fixture.send(hold(EVENT, "bob", "FLOOR-2-5")).isAccepted()).isTrue();
    }

    @Test
    void released_hold_frees_its_seats_and_only_the_owner_may_release() {
        String bookingId = fixture.send(holdBest(EVENT, "alice", 4)).booking().bookingId();

        assertThat(fixture.send(release(EVENT, "mallory", bookingId)).rejection().reason()).isEqualTo(RejectionReason.NOT_OWNER);
        CommandReply released = fixture.send(release(EVENT, "alice", bookingId));

        assertThat(released.booking().status()).isEqualTo(BookingStatus.RELEASED);
        assertThat(fixture.bookingEvents.readValuesToList()).last().isInstanceOf(HoldReleased.class);
        assertThat(section().available()).isEqualTo(200);
    }

    @Test
    void retried_command_gets_the_original_reply_and_appends_nothing() {
        HoldSeats command = hold(EVENT, "alice", "FLOOR-3-3");
        CommandReply first = fixture.send(command);
        fixture.bookingEvents.readValuesToList();

        CommandReply retry = fixture.send(command);

        assertThat(retry).isEqualTo(first);
        assertThat(fixture.bookingEvents.isEmpty()).isTrue();
    }

    @Test
    void same_command_id_with_another_request_is_rejected_and_changes_nothing() {
        HoldSeats command = hold(EVENT, "alice", "FLOOR-3-3");
        fixture.send(command);
        fixture.bookingEvents.readValuesToList();

        HoldSeats other = new HoldSeats(command.commandId(), "alice", EVENT, command.bookingId(), List.of("FLOOR-4-4"));
        CommandReply reply = fixture.send(other);

        assertThat(reply.rejection().reason()).isEqualTo(RejectionReason.IDEMPOTENCY_KEY_REUSED);
        assertThat(fixture.bookingEvents.isEmpty()).isTrue();
        assertThat(section().held()).isEqualTo(1);
    }

    @Test
    void hold_expires_by_wall_clock_as_an_event_in_the_log() {
        String bookingId = fixture.send(hold(EVENT, "alice", "FLOOR-1-1")).booking().bookingId();
        fixture.bookingEvents.readValuesToList();

        fixture.advanceWallClock(Duration.ofSeconds(59));
        assertThat(fixture.bookingEvents.isEmpty()).isTrue();
        fixture.advanceWallClock(Duration.ofSeconds(2));

        assertThat(fixture.bookingEvents.readValuesToList()).singleElement()
                .isInstanceOfSatisfying(HoldExpired.class, e -> assertThat(e.bookingId()).isEqualTo(bookingId));
        assertThat(section().available()).isEqualTo(200);
        assertThat(fixture.send(confirm(EVENT, bookingId, 5_000)).rejection().reason()).isEqualTo(RejectionReason.INVALID_BOOKING_STATE);
        assertThat(fixture.send(hold(EVENT, "bob", "FLOOR-1-1")).isAccepted()).isTrue();
    }

    @Test
    void confirm_after_expiry_time_is_rejected_even_before_the_timer_runs() {
        String bookingId = fixture.send(hold(EVENT, "alice", "FLOOR-1-1")).booking().bookingId();
        // Advancing the driver's clock fires punctuators, so go right up to the instant instead.
        fixture.advanceWallClock(Duration.ofMillis(59_999));

        assertThat(fixture.send(confirm(EVENT, bookingId, 5_000)).isAccepted()).isTrue();
        assertThat(fixture.bookingEvents.readValuesToList()).last().isInstanceOf(BookingConfirmed.class);
    }

    @Test
    void poison_record_goes_to_the_dead_letter_topic_and_the_next_command_is_processed() {
        fixture.sendRaw(EVENT, "{not json".getBytes(StandardCharsets.UTF_8), "req-poison");

        TestRecord<String, byte[]> dead = fixture.deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead, RecordHeaderNames.DLQ_REASON)).contains("not a valid BookingCommand");
        assertThat(header(dead, RecordHeaderNames.DLQ_TOPIC)).isEqualTo(Topics.BOOKING_COMMANDS.name());
        assertThat(header(dead, RecordHeaderNames.DLQ_OFFSET)).isNotBlank();
        assertThat(fixture.send(hold(EVENT, "alice", "FLOOR-1-1")).isAccepted()).isTrue();
    }

    @Test
    void unknown_command_type_goes_to_the_dead_letter_topic() {
        fixture.sendRaw(EVENT, "{\"type\":\"RefundEverything\",\"eventId\":\"event-1\"}".getBytes(StandardCharsets.UTF_8), "req-x");

        assertThat(header(fixture.deadLetters.readRecord(), RecordHeaderNames.DLQ_REASON)).contains("RefundEverything");
    }

    @Test
    void folding_the_log_gives_the_live_stores_checksum() {
        String a = fixture.send(hold(EVENT, "alice", "FLOOR-1-1", "FLOOR-1-2")).booking().bookingId();
        String b = fixture.send(holdBest(EVENT, "bob", 6)).booking().bookingId();
        fixture.send(holdBest(EVENT, "carol", 3));
        fixture.send(confirm(EVENT, a, 10_000));
        fixture.send(release(EVENT, "bob", b));
        fixture.send(cancel(EVENT, "alice", a));
        fixture.send(hold(EVENT, "dave", "FLOOR-9-20"));
        fixture.advanceWallClock(Duration.ofSeconds(61));

        List<LogEvent> log = new ArrayList<>(List.of(created));
        log.addAll(fixture.drainLog());

        assertThat(log).hasSizeGreaterThanOrEqualTo(9).anyMatch(BookingCancelled.class::isInstance);
        assertThat(TopologyFixture.foldChecksum(log)).isEqualTo(fixture.liveChecksum());
        assertThat(fixture.driver.getKeyValueStore(StoreNames.EXPIRIES).approximateNumEntries()).isZero();
    }

    @Test
    void events_and_replies_carry_the_command_trace_headers() {
        fixture.send(hold(EVENT, "alice", "FLOOR-1-1"));
        // TopologyFixture.send sets the correlation id; the appended event keeps it.
        assertThat(header(fixture.bookingEvents.readRecord(), RecordHeaderNames.CORRELATION_ID)).startsWith("req-");
    }

    @Test
    void events_are_json_with_type_and_schema_version() {
        fixture.send(hold(EVENT, "alice", "FLOOR-1-1"));
        String json = new String(Json.write(fixture.bookingEvents.readValue()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"SeatsHeld\"").contains("\"schemaVersion\":1");
    }

    private SectionAvailability section() {
        return (SectionAvailability) fixture.driver.getKeyValueStore(StoreNames.SECTIONS).get(StoreKeys.section(EVENT, "FLOOR"));
    }

    private static String header(TestRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_payment_after_expiry_is_refunded_and_replays_to_the_live_state() {
        String bookingId = fixture.send(hold(EVENT, "alice", "FLOOR-3-3")).booking().bookingId();
        fixture.send(new RequestPayment(Commands.newId(), "alice", EVENT, bookingId, "pay-1"));
        fixture.advanceWallClock(Duration.ofSeconds(61));

        CommandReply late = fixture.send(new RecordPaymentOutcome(Commands.newId(), "payments", EVENT, bookingId, "pay-1", true,
                5_000, "EUR", null));

        assertThat(late.booking().status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(fixture.paymentEvents.readValuesToList()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PaymentRequested", "PaymentSucceeded", "RefundRequested");
        List<LogEvent> log = new ArrayList<>(List.of(created));
        log.addAll(fixture.drainLog());
        assertThat(TopologyFixture.foldChecksum(log)).isEqualTo(fixture.liveChecksum());
        assertThat(section().available()).isEqualTo(200);
    }
}
