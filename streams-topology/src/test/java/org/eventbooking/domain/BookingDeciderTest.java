package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.eventbooking.domain.DomainFixtures.ADMIN;
import static org.eventbooking.domain.DomainFixtures.ALICE;
import static org.eventbooking.domain.DomainFixtures.BOB;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.FLOOR;
import static org.eventbooking.domain.DomainFixtures.NOW;
import static org.eventbooking.domain.DomainFixtures.PAYMENT_ID;
import static org.eventbooking.domain.DomainFixtures.STARTS_AT;
import static org.eventbooking.domain.DomainFixtures.cancel;
import static org.eventbooking.domain.DomainFixtures.cancelByAdmin;
import static org.eventbooking.domain.DomainFixtures.confirm;
import static org.eventbooking.domain.DomainFixtures.createEvent;
import static org.eventbooking.domain.DomainFixtures.engineWithEvent;
import static org.eventbooking.domain.DomainFixtures.expire;
import static org.eventbooking.domain.DomainFixtures.holdBest;
import static org.eventbooking.domain.DomainFixtures.holdSeats;
import static org.eventbooking.domain.DomainFixtures.nextCommandId;
import static org.eventbooking.domain.DomainFixtures.release;
import static org.eventbooking.domain.DomainFixtures.releaseByAdmin;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.CancelEvent;
import org.eventbooking.domain.command.ConfirmBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RecordRefund;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.SeatsHeld;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code decide} for holds and existing bookings: every rejection reason, and each accepted event exactly. */
class BookingDeciderTest {

    private static final List<String> ALICE_SEATS = List.of("FLOOR-1-1", "BALCONY-2-3");
    /** FLOOR 50.00 + BALCONY 25.00. */
    private static final long ALICE_TOTAL = 7_500;
    private static final Instant EXPIRES_AT = NOW.plusSeconds(600);

    private final Engine engine = engineWithEvent();

    private void aliceHolds() {
        engine.accept(holdSeats(ALICE, "b-1", ALICE_SEATS.toArray(String[]::new)));
    }

    private void aliceBuys() {
        aliceHolds();
        engine.accept(confirm("b-1", ALICE_TOTAL, "EUR"));
    }

    private Rejection rejected(BookingCommand command, RejectionReason reason) {
        Rejection rejection = engine.reject(command);
        assertThat(rejection.reason()).as(rejection.message()).isEqualTo(reason);
        return rejection;
    }

    @Nested
    class AcceptedCommands {

        @Test
        void holds_named_seats_for_the_sum_of_their_section_prices_until_now_plus_default_ttl() {
            assertThat(engine.accept(holdSeats(ALICE, "b-1", "FLOOR-1-1", "BALCONY-2-3"))).containsExactly(
                    new SeatsHeld(EVENT_ID, "b-1", ALICE, ALICE_SEATS, ALICE_TOTAL, "EUR", EXPIRES_AT, NOW));
        }

        @Test
        void hold_expires_after_the_events_own_ttl() {
            Engine shortHolds = new Engine(BookingDecider.withContractLimits());
            shortHolds.accept(createEvent(EVENT_ID, 120, null, FLOOR));

            SeatsHeld held = (SeatsHeld) shortHolds.accept(holdSeats(ALICE, "b-1", "FLOOR-2-2")).get(0);

            assertThat(held.expiresAt()).isEqualTo(NOW.plusSeconds(120));
            assertThat(held.totalCents()).isEqualTo(5_000);
        }

        @Test
        void holds_best_available_seats_side_by_side_in_the_front_row_centre() {
            assertThat(engine.accept(holdBest(ALICE, "b-1", "FLOOR", 2))).containsExactly(new SeatsHeld(EVENT_ID, "b-1", ALICE,
                    List.of("FLOOR-1-5", "FLOOR-1-6"), 10_000, "EUR", EXPIRES_AT, NOW));
        }

        @Test
        void owner_releases_a_hold() {
            aliceHolds();
            engine.advance(Duration.ofSeconds(30));

            assertThat(engine.accept(release(ALICE, "b-1"))).containsExactly(
                    new HoldReleased(EVENT_ID, "b-1", ALICE, ALICE_SEATS, NOW.plusSeconds(30)));
        }

        @Test
        void admin_releases_another_users_hold() {
            aliceHolds();

            assertThat(engine.accept(releaseByAdmin("b-1"))).containsExactly(new HoldReleased(EVENT_ID, "b-1", ADMIN, ALICE_SEATS, NOW));
        }

        @Test
        void expires_a_hold_at_its_expiry_time() {
            aliceHolds();
            engine.setNow(EXPIRES_AT);

            assertThat(engine.accept(expire("b-1"))).containsExactly(new HoldExpired(EVENT_ID, "b-1", ALICE_SEATS, EXPIRES_AT));
        }

        @Test
        void confirms_a_hold_paid_in_full_just_before_it_expires() {
            aliceHolds();
            engine.setNow(EXPIRES_AT.minusMillis(1));

            assertThat(engine.accept(confirm("b-1", ALICE_TOTAL, "EUR"))).containsExactly(
                    new BookingConfirmed(EVENT_ID, "b-1", PAYMENT_ID, ALICE_TOTAL, ALICE_SEATS, EXPIRES_AT.minusMillis(1)));
        }

        @Test
        void owner_cancels_a_confirmed_booking_with_a_full_refund() {
            aliceBuys();
            engine.advance(Duration.ofDays(1));

            Instant at = NOW.plus(Duration.ofDays(1));
            assertThat(engine.accept(cancel(ALICE, "b-1"))).containsExactly(
                    new BookingCancelled(EVENT_ID, "b-1", ALICE, ALICE_SEATS, ALICE_TOTAL, at),
                    new RefundRequested(EVENT_ID, "b-1", PAYMENT_ID, ALICE_TOTAL, "EUR", PaymentRules.CANCELLED, at));
        }

        @Test
        void admin_cancels_another_users_booking() {
            aliceBuys();

            assertThat(engine.accept(cancelByAdmin("b-1"))).containsExactly(
                    new BookingCancelled(EVENT_ID, "b-1", ADMIN, ALICE_SEATS, ALICE_TOTAL, NOW),
                    new RefundRequested(EVENT_ID, "b-1", PAYMENT_ID, ALICE_TOTAL, "EUR", PaymentRules.CANCELLED, NOW));
        }

        @Test
        void holds_until_just_before_the_event_starts() {
            engine.setNow(STARTS_AT.minusMillis(1));

            assertThat(engine.run(holdSeats(ALICE, "b-1", "FLOOR-1-1"))).isInstanceOf(Decision.Accepted.class);
        }
    }

    @Nested
    class InvalidCommands {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.eventbooking.domain.BookingDeciderTest#commandsWithoutIds")
        void rejects_command_without_command_user_or_event_id(BookingCommand command) {
            assertThat(rejected(command, RejectionReason.INVALID_COMMAND).message()).contains("required");
        }

        @Test
        void rejects_hold_without_booking_id() {
            rejected(new HoldSeats(nextCommandId(), ALICE, EVENT_ID, " ", List.of("FLOOR-1-1")), RejectionReason.INVALID_COMMAND);
            rejected(new HoldBestAvailable(nextCommandId(), ALICE, EVENT_ID, null, "FLOOR", 1), RejectionReason.INVALID_COMMAND);
        }

        @Test
        void rejects_ids_with_a_slash_that_would_make_store_keys_ambiguous() {
            rejected(new HoldSeats(nextCommandId(), ALICE, "ev/1", "b-1", List.of("FLOOR-1-1")), RejectionReason.INVALID_COMMAND);
            rejected(new HoldSeats(nextCommandId(), ALICE, EVENT_ID, "b/1", List.of("FLOOR-1-1")), RejectionReason.INVALID_COMMAND);
        }

        @Test
        void rejects_confirmation_without_payment_id() {
            engine.run(holdSeats(ALICE, "b-1", "FLOOR-1-1"));
            rejected(new ConfirmBooking(nextCommandId(), "payments", EVENT_ID, "b-1", " ", 5_000, "EUR"), RejectionReason.INVALID_COMMAND);
        }

        @Test
        void rejects_null_seat_id_instead_of_throwing() {
            rejected(new HoldSeats(nextCommandId(), ALICE, EVENT_ID, "b-1", Arrays.asList("FLOOR-1-1", null)),
                    RejectionReason.INVALID_COMMAND);
            rejected(new HoldSeats(nextCommandId(), ALICE, EVENT_ID, "b-1", Arrays.asList(null, null)),
                    RejectionReason.INVALID_COMMAND);
        }
    }

    static Stream<Arguments> commandsWithoutIds() {
        return Stream.of(
                Arguments.of(new HoldSeats("", ALICE, EVENT_ID, "b-1", List.of("FLOOR-1-1"))),
                Arguments.of(new HoldSeats(nextCommandId(), null, EVENT_ID, "b-1", List.of("FLOOR-1-1"))),
                Arguments.of(new HoldBestAvailable(nextCommandId(), ALICE, " ", "b-1", "FLOOR", 1)),
                Arguments.of(new ReleaseHold(null, ALICE, EVENT_ID, "b-1", false)),
                Arguments.of(new CreateEvent(nextCommandId(), "", "ev-9", "t", "v", STARTS_AT, "EUR", null, null, List.of(FLOOR), null)),
                Arguments.of(new ConfirmBooking(nextCommandId(), "\t", EVENT_ID, "b-1", PAYMENT_ID, 1, "EUR")));
    }

    @Nested
    class NewHolds {

        @Test
        void rejects_hold_on_unknown_event() {
            rejected(new HoldSeats(nextCommandId(), ALICE, "ev-404", "b-1", List.of("FLOOR-1-1")), RejectionReason.UNKNOWN_EVENT);
            rejected(new HoldBestAvailable(nextCommandId(), ALICE, "ev-404", "b-1", "FLOOR", 1), RejectionReason.UNKNOWN_EVENT);
        }

        @Test
        void rejects_hold_once_the_event_has_started() {
            engine.setNow(STARTS_AT);
            rejected(holdSeats(ALICE, "b-1", "FLOOR-1-1"), RejectionReason.EVENT_STARTED);
            engine.advance(Duration.ofHours(1));
            rejected(holdBest(ALICE, "b-2", "FLOOR", 1), RejectionReason.EVENT_STARTED);
        }

        @Test
        void rejects_best_available_in_unknown_section() {
            rejected(holdBest(ALICE, "b-1", "PIT", 1), RejectionReason.UNKNOWN_SECTION);
        }

        @Test
        void rejects_malformed_seat_ids_listing_them() {
            Rejection rejection = rejected(holdSeats(ALICE, "b-1", "FLOOR-1-1", "FLOOR-0-1", "FLOOR-1", "-1-1", "garbage", "FLOOR-01-2"),
                    RejectionReason.UNKNOWN_SEAT);

            assertThat(rejection.seats()).containsExactly("FLOOR-0-1", "FLOOR-1", "-1-1", "garbage", "FLOOR-01-2");
        }

        @Test
        void rejects_seats_outside_the_venue_listing_them() {
            Rejection rejection = rejected(holdSeats(ALICE, "b-1", "FLOOR-5-10", "FLOOR-6-1", "FLOOR-1-11", "BALCONY-4-1", "PIT-1-1",
                    "floor-1-1"), RejectionReason.UNKNOWN_SEAT);

            assertThat(rejection.seats()).containsExactly("FLOOR-6-1", "FLOOR-1-11", "BALCONY-4-1", "PIT-1-1", "floor-1-1");
        }

        @Test
        void rejects_duplicate_seats_listing_each_repeated_seat_once() {
            Rejection rejection = rejected(holdSeats(ALICE, "b-1", "FLOOR-1-1", "FLOOR-1-2", "FLOOR-1-1", "FLOOR-1-3", "FLOOR-1-2",
                    "FLOOR-1-1"), RejectionReason.DUPLICATE_SEAT);

            assertThat(rejection.seats()).containsExactly("FLOOR-1-1", "FLOOR-1-2");
        }

        @Test
        void rejects_hold_of_no_seats() {
            rejected(holdSeats(ALICE, "b-1"), RejectionReason.INVALID_QUANTITY);
            rejected(new HoldSeats(nextCommandId(), ALICE, EVENT_ID, "b-1", null), RejectionReason.INVALID_QUANTITY);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void rejects_best_available_quantity_below_one(int quantity) {
            rejected(holdBest(ALICE, "b-1", "FLOOR", quantity), RejectionReason.INVALID_QUANTITY);
        }

        @Test
        void rejects_more_seats_than_the_default_limit_of_ten() {
            String[] eleven = Stream.concat(IntStream.rangeClosed(1, 10).mapToObj(n -> "FLOOR-2-" + n), Stream.of("FLOOR-3-1"))
                    .toArray(String[]::new);
            rejected(holdSeats(ALICE, "b-1", eleven), RejectionReason.TOO_MANY_SEATS);
            rejected(holdBest(ALICE, "b-1", "FLOOR", 11), RejectionReason.TOO_MANY_SEATS);
            assertThat(engine.run(holdBest(ALICE, "b-1", "FLOOR", 10))).isInstanceOf(Decision.Accepted.class);
        }

        @Test
        void rejects_more_seats_than_the_events_own_limit() {
            Engine limited = new Engine(BookingDecider.withContractLimits());
            limited.accept(createEvent(EVENT_ID, null, 2, FLOOR));

            assertThat(limited.reject(holdSeats(ALICE, "b-1", "FLOOR-1-1", "FLOOR-1-2", "FLOOR-1-3")).reason())
                    .isEqualTo(RejectionReason.TOO_MANY_SEATS);
            assertThat(limited.reject(holdBest(ALICE, "b-1", "FLOOR", 3)).reason()).isEqualTo(RejectionReason.TOO_MANY_SEATS);
            assertThat(limited.run(holdSeats(ALICE, "b-1", "FLOOR-1-1", "FLOOR-1-2"))).isInstanceOf(Decision.Accepted.class);
        }

        @Test
        void rejects_hold_on_held_seats_listing_the_taken_ones() {
            engine.accept(holdSeats(ALICE, "b-1", "FLOOR-1-1", "FLOOR-1-2"));

            Rejection rejection = rejected(holdSeats(BOB, "b-2", "FLOOR-1-2", "FLOOR-1-3", "FLOOR-1-1"), RejectionReason.SEATS_UNAVAILABLE);

            assertThat(rejection.seats()).containsExactly("FLOOR-1-2", "FLOOR-1-1");
        }

        @Test
        void rejects_hold_on_sold_seat() {
            aliceBuys();

            Rejection rejection = rejected(holdSeats(BOB, "b-2", "BALCONY-2-4", "BALCONY-2-3"), RejectionReason.SEATS_UNAVAILABLE);

            assertThat(rejection.seats()).containsExactly("BALCONY-2-3");
        }

        @Test
        void rejects_reusing_a_booking_id_even_after_release() {
            aliceHolds();
            rejected(holdSeats(BOB, "b-1", "FLOOR-3-3"), RejectionReason.BOOKING_EXISTS);
            engine.accept(release(ALICE, "b-1"));
            rejected(holdBest(ALICE, "b-1", "FLOOR", 1), RejectionReason.BOOKING_EXISTS);
        }
    }

    @Nested
    class ExistingBookings {

        @ParameterizedTest
        @ValueSource(strings = {"b-404", "", " "})
        void rejects_command_on_unknown_booking(String bookingId) {
            aliceHolds();
            rejected(release(ALICE, bookingId), RejectionReason.UNKNOWN_BOOKING);
            rejected(expire(bookingId), RejectionReason.UNKNOWN_BOOKING);
            rejected(confirm(bookingId, ALICE_TOTAL, "EUR"), RejectionReason.UNKNOWN_BOOKING);
            rejected(cancel(ALICE, bookingId), RejectionReason.UNKNOWN_BOOKING);
        }

        @Test
        void rejects_booking_of_another_event() {
            engine.accept(createEvent("ev-2", FLOOR));
            aliceHolds();

            rejected(new ReleaseHold(nextCommandId(), ALICE, "ev-2", "b-1", false), RejectionReason.UNKNOWN_BOOKING);
        }

        @Test
        void rejects_release_by_another_user() {
            aliceHolds();
            rejected(release(BOB, "b-1"), RejectionReason.NOT_OWNER);
            assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.HELD);
        }

        @Test
        void rejects_cancel_by_another_user() {
            aliceBuys();
            rejected(cancel(BOB, "b-1"), RejectionReason.NOT_OWNER);
        }

        @Test
        void rejects_release_of_a_confirmed_booking() {
            aliceBuys();
            rejected(release(ALICE, "b-1"), RejectionReason.INVALID_BOOKING_STATE);
        }

        @Test
        void rejects_release_of_a_released_booking() {
            aliceHolds();
            engine.accept(release(ALICE, "b-1"));
            rejected(release(ALICE, "b-1"), RejectionReason.INVALID_BOOKING_STATE);
        }

        @Test
        void rejects_confirm_of_a_released_booking() {
            aliceHolds();
            engine.accept(release(ALICE, "b-1"));
            rejected(confirm("b-1", ALICE_TOTAL, "EUR"), RejectionReason.INVALID_BOOKING_STATE);
        }

        @Test
        void rejects_cancel_of_a_held_booking() {
            aliceHolds();
            rejected(cancel(ALICE, "b-1"), RejectionReason.INVALID_BOOKING_STATE);
        }

        @Test
        void rejects_expiry_before_expires_at() {
            aliceHolds();
            engine.setNow(EXPIRES_AT.minusMillis(1));
            rejected(expire("b-1"), RejectionReason.INVALID_BOOKING_STATE);
        }

        @Test
        void rejects_expiry_of_a_confirmed_booking() {
            aliceBuys();
            engine.setNow(EXPIRES_AT.plusSeconds(1));
            rejected(expire("b-1"), RejectionReason.INVALID_BOOKING_STATE);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 3_600_000})
        void rejects_payment_at_or_after_expiry(long millisAfterExpiry) {
            aliceHolds();
            engine.setNow(EXPIRES_AT.plusMillis(millisAfterExpiry));
            rejected(confirm("b-1", ALICE_TOTAL, "EUR"), RejectionReason.HOLD_EXPIRED);
        }

        @Test
        void rejects_payment_of_the_wrong_amount() {
            aliceHolds();
            rejected(confirm("b-1", ALICE_TOTAL - 1, "EUR"), RejectionReason.AMOUNT_MISMATCH);
            rejected(confirm("b-1", ALICE_TOTAL + 1, "EUR"), RejectionReason.AMOUNT_MISMATCH);
        }

        @Test
        void rejects_payment_in_the_wrong_currency() {
            aliceHolds();
            rejected(confirm("b-1", ALICE_TOTAL, "USD"), RejectionReason.AMOUNT_MISMATCH);
            rejected(confirm("b-1", ALICE_TOTAL, null), RejectionReason.AMOUNT_MISMATCH);
        }

        @Test
        void rejects_cancel_once_the_event_has_started() {
            aliceBuys();
            engine.setNow(STARTS_AT);
            rejected(cancelByAdmin("b-1"), RejectionReason.EVENT_STARTED);
        }
    }

    @Test
    void decides_every_permitted_command_type_without_throwing() {
        List<Class<?>> types = SealedInstances.leaves(BookingCommand.class);
        assertThat(types).containsExactlyInAnyOrder(CreateEvent.class, HoldSeats.class, HoldBestAvailable.class, ReleaseHold.class,
                ExpireHold.class, ConfirmBooking.class, CancelBooking.class, CancelEvent.class, RequestPayment.class, RecordPaymentOutcome.class,
                RecordRefund.class);
        aliceHolds();
        Map<String, Object> values = Map.of("eventId", EVENT_ID, "bookingId", "b-1", "userId", ALICE, "seats", List.of("FLOOR-4-4"),
                "sections", List.of(FLOOR), "section", "FLOOR", "currency", "EUR", "startsAt", STARTS_AT, "amountCents", ALICE_TOTAL, "paymentId", PAYMENT_ID);

        for (Class<?> type : types) {
            BookingCommand command = (BookingCommand) SealedInstances.build(type, values);
            assertThatCode(() -> assertThat(engine.decide(command)).isNotNull()).as(type.getSimpleName()).doesNotThrowAnyException();
        }
    }
}
