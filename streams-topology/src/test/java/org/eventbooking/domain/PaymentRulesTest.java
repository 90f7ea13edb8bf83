package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.domain.DomainFixtures.ALICE;
import static org.eventbooking.domain.DomainFixtures.BOB;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.STARTS_AT;
import static org.eventbooking.domain.DomainFixtures.cancel;
import static org.eventbooking.domain.DomainFixtures.cancelByAdmin;
import static org.eventbooking.domain.DomainFixtures.engineWithEvent;
import static org.eventbooking.domain.DomainFixtures.expire;
import static org.eventbooking.domain.DomainFixtures.holdSeats;
import static org.eventbooking.domain.DomainFixtures.nextCommandId;
import static org.eventbooking.domain.DomainFixtures.release;

import java.time.Duration;
import java.util.List;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.CancelEvent;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RecordRefund;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every race between money and bookings, decided explicitly and left in the log. */
class PaymentRulesTest {

    private static final long TOTAL = 5_000;

    private final Engine engine = engineWithEvent();

    @BeforeEach
    void aliceHoldsOneSeat() {
        engine.accept(holdSeats(ALICE, "b-1", "FLOOR-1-1"));
    }

    private static RequestPayment pay(String userId, String paymentId) {
        return new RequestPayment(nextCommandId(), userId, EVENT_ID, "b-1", paymentId);
    }

    private static RecordPaymentOutcome succeeded(String paymentId, long amount, String currency) {
        return new RecordPaymentOutcome(nextCommandId(), "payments", EVENT_ID, "b-1", paymentId, true, amount, currency, null);
    }

    private static RecordPaymentOutcome declined(String paymentId) {
        return new RecordPaymentOutcome(nextCommandId(), "payments", EVENT_ID, "b-1", paymentId, false, TOTAL, "EUR", "card declined");
    }

    private List<String> types(List<BookingEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    @Test
    void paying_a_held_booking_records_the_intent_for_its_amount() {
        assertThat(engine.accept(pay(ALICE, "p-1"))).containsExactly(
                new PaymentRequested(EVENT_ID, "b-1", "p-1", ALICE, TOTAL, "EUR", engine.now()));
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.PAYMENT_PENDING);
        assertThat(engine.booking("b-1").paymentId()).isEqualTo("p-1");
    }

    @Test
    void of_two_intents_for_one_booking_the_first_wins() {
        engine.accept(pay(ALICE, "p-1"));

        assertThat(engine.reject(pay(ALICE, "p-2")).reason()).isEqualTo(RejectionReason.INVALID_BOOKING_STATE);
        assertThat(engine.booking("b-1").paymentId()).isEqualTo("p-1");
    }

    @Test
    void only_the_owner_pays_and_only_before_expiry() {
        assertThat(engine.reject(pay(BOB, "p-1")).reason()).isEqualTo(RejectionReason.NOT_OWNER);
        engine.advance(Duration.ofSeconds(601));
        assertThat(engine.reject(pay(ALICE, "p-1")).reason()).isEqualTo(RejectionReason.HOLD_EXPIRED);
    }

    @Test
    void a_successful_payment_confirms_the_booking_and_sells_its_seats() {
        engine.accept(pay(ALICE, "p-1"));

        assertThat(types(engine.accept(succeeded("p-1", TOTAL, "EUR")))).containsExactly("PaymentSucceeded", "BookingConfirmed");
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(engine.seat("FLOOR-1-1").status()).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void a_duplicate_success_has_no_second_effect() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(succeeded("p-1", TOTAL, "EUR"));

        assertThat(engine.accept(succeeded("p-1", TOTAL, "EUR"))).isEmpty();
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_declined_payment_keeps_the_hold_and_the_customer_may_pay_again() {
        engine.accept(pay(ALICE, "p-1"));

        assertThat(engine.accept(declined("p-1"))).containsExactly(new PaymentFailed(EVENT_ID, "b-1", "p-1", "card declined", engine.now()));
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.HELD);
        assertThat(engine.seat("FLOOR-1-1").status()).isEqualTo(SeatStatus.HELD);
        assertThat(engine.accept(declined("p-1"))).as("a repeated decline").isEmpty();
        assertThat(types(engine.accept(pay(ALICE, "p-2")))).containsExactly("PaymentRequested");
    }

    @Test
    void success_after_the_hold_expired_but_before_the_timer_ran_expires_it_and_refunds() {
        engine.accept(pay(ALICE, "p-1"));
        engine.advance(Duration.ofSeconds(601));

        List<BookingEvent> events = engine.accept(succeeded("p-1", TOTAL, "EUR"));

        assertThat(types(events)).containsExactly("HoldExpired", "PaymentSucceeded", "RefundRequested");
        assertThat(((RefundRequested) events.get(2)).reason()).isEqualTo(PaymentRules.LATE);
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(engine.seat("FLOOR-1-1").status()).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void success_after_the_expiry_was_recorded_is_refunded_and_takes_no_seat_from_anyone() {
        engine.accept(pay(ALICE, "p-1"));
        engine.advance(Duration.ofSeconds(601));
        engine.accept(expire("b-1"));
        engine.accept(holdSeats(BOB, "b-2", "FLOOR-1-1"));

        assertThat(types(engine.accept(succeeded("p-1", TOTAL, "EUR")))).containsExactly("PaymentSucceeded", "RefundRequested");
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(engine.seat("FLOOR-1-1")).isEqualTo(SeatState.held("b-2"));
    }

    @Test
    void a_wrong_amount_or_currency_is_refunded_and_the_hold_reopens() {
        engine.accept(pay(ALICE, "p-1"));

        List<BookingEvent> events = engine.accept(succeeded("p-1", TOTAL - 1, "EUR"));

        assertThat(types(events)).containsExactly("PaymentSucceeded", "RefundRequested");
        assertThat(((RefundRequested) events.get(1)).reason()).isEqualTo(PaymentRules.MISMATCH);
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.HELD);
        engine.accept(pay(ALICE, "p-2"));
        assertThat(types(engine.accept(succeeded("p-2", TOTAL, "USD")))).containsExactly("PaymentSucceeded", "RefundRequested");
    }

    @Test
    void success_for_a_released_booking_is_refunded() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(release(ALICE, "b-1"));

        assertThat(types(engine.accept(succeeded("p-1", TOTAL, "EUR")))).containsExactly("PaymentSucceeded", "RefundRequested");
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.REFUNDED);
    }

    @Test
    void success_of_a_superseded_intent_is_refunded_and_leaves_the_booking_alone() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(declined("p-1"));
        engine.accept(pay(ALICE, "p-2"));

        List<BookingEvent> events = engine.accept(succeeded("p-3", TOTAL, "EUR"));

        assertThat(((RefundRequested) events.get(1)).reason()).isEqualTo(PaymentRules.SUPERSEDED);
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.PAYMENT_PENDING);
        assertThat(engine.booking("b-1").paymentId()).isEqualTo("p-2");
    }

    @Test
    void a_second_payment_for_a_confirmed_booking_is_refunded() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(succeeded("p-1", TOTAL, "EUR"));

        List<BookingEvent> events = engine.accept(succeeded("p-9", TOTAL, "EUR"));

        assertThat(types(events)).containsExactly("PaymentSucceeded", "RefundRequested");
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void cancelling_a_paid_booking_refunds_it_until_the_cutoff_and_admins_later_too() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(succeeded("p-1", TOTAL, "EUR"));
        engine.setNow(STARTS_AT.minus(EventInfo.DEFAULT_CANCELLATION_CUTOFF));

        assertThat(engine.reject(cancel(ALICE, "b-1")).reason()).isEqualTo(RejectionReason.CANCELLATION_CLOSED);
        assertThat(types(engine.accept(cancelByAdmin("b-1")))).containsExactly("BookingCancelled", "RefundRequested");
        assertThat(engine.seat("FLOOR-1-1").status()).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void each_event_sets_its_own_cancellation_cutoff() {
        engine.accept(new CreateEvent(nextCommandId(), DomainFixtures.ORGANIZER, "ev-2", "Late show", "Hall", STARTS_AT, "EUR", null, null,
                List.of(DomainFixtures.FLOOR), 1));
        engine.accept(new HoldSeats(nextCommandId(), ALICE, "ev-2", "b-9", List.of("FLOOR-1-1")));
        engine.accept(new RequestPayment(nextCommandId(), ALICE, "ev-2", "b-9", "p-9"));
        engine.accept(new RecordPaymentOutcome(nextCommandId(), "payments", "ev-2", "b-9", "p-9", true, TOTAL, "EUR", null));
        engine.setNow(STARTS_AT.minus(Duration.ofHours(2)));

        assertThat(types(engine.accept(new CancelBooking(nextCommandId(), ALICE, "ev-2", "b-9", false))))
                .containsExactly("BookingCancelled", "RefundRequested");
    }

    @Test
    void the_organiser_calls_the_event_off_releasing_holds_and_refunding_payments() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(succeeded("p-1", TOTAL, "EUR"));
        engine.accept(holdSeats(BOB, "b-2", "FLOOR-2-2"));

        assertThat(engine.reject(new CancelEvent(nextCommandId(), BOB, EVENT_ID, false)).reason()).isEqualTo(RejectionReason.NOT_OWNER);
        List<BookingEvent> events = engine.accept(new CancelEvent(nextCommandId(), DomainFixtures.ORGANIZER, EVENT_ID, false));

        assertThat(types(events)).containsExactlyInAnyOrder("BookingCancelled", "RefundRequested", "HoldReleased", "EventCancelled");
        assertThat(events.get(events.size() - 1)).isInstanceOf(EventCancelled.class);
        assertThat(engine.booking("b-1").status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(engine.booking("b-2").status()).isEqualTo(BookingStatus.RELEASED);
        assertThat(engine.availability("FLOOR").available()).isEqualTo(DomainFixtures.FLOOR.capacity());
        assertThat(engine.reject(holdSeats(BOB, "b-3", "FLOOR-3-3")).reason()).isEqualTo(RejectionReason.EVENT_CANCELLED);
        assertThat(engine.reject(new CancelEvent(nextCommandId(), DomainFixtures.ORGANIZER, EVENT_ID, false)).reason())
                .isEqualTo(RejectionReason.EVENT_CANCELLED);
    }

    @Test
    void a_paid_refund_is_recorded() {
        engine.accept(pay(ALICE, "p-1"));
        engine.accept(release(ALICE, "b-1"));
        engine.accept(succeeded("p-1", TOTAL, "EUR"));

        assertThat(engine.accept(new RecordRefund(nextCommandId(), "payments", EVENT_ID, "b-1", "p-1", TOTAL))).containsExactly(
                new RefundSucceeded(EVENT_ID, "b-1", "p-1", TOTAL, engine.now()));
    }
}
