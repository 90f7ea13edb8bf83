package org.eventbooking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RecordRefund;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;

/**
 * How money meets bookings (DESIGN §3). Every race is decided here, by the single writer of the
 * event, and leaves a fact in the log: money taken either confirms exactly the booking it was
 * asked for, or is refunded; nothing is ever taken from another booking.
 */
final class PaymentRules {

    static final String LATE = "the hold expired before the payment succeeded";
    static final String NOT_HELD = "the booking was no longer held when the payment succeeded";
    static final String SUPERSEDED = "the payment is not the one the booking waits for";
    static final String MISMATCH = "the amount or currency paid differs from the booking's";
    static final String CANCELLED = "the booking was cancelled";

    private PaymentRules() {
    }

    /** A payment starts only for a booking that is HELD and not yet past its expiry. */
    static Decision request(Booking booking, RequestPayment c, Instant now) {
        if (booking.status() != BookingStatus.HELD) {
            return Decision.reject(RejectionReason.INVALID_BOOKING_STATE, "booking " + booking.bookingId() + " is "
                    + booking.status() + ": only a HELD booking can be paid");
        }
        if (!now.isBefore(booking.expiresAt())) {
            return Decision.reject(RejectionReason.HOLD_EXPIRED, "hold " + booking.bookingId() + " expired at " + booking.expiresAt());
        }
        return Decision.accept(new PaymentRequested(c.eventId(), c.bookingId(), c.paymentId(), booking.userId(),
                booking.totalCents(), booking.currency(), now));
    }

    static Decision outcome(Booking booking, RecordPaymentOutcome c, Instant now) {
        return c.succeeded() ? succeeded(booking, c, now) : failed(booking, c, now);
    }

    private static Decision succeeded(Booking booking, RecordPaymentOutcome c, Instant now) {
        boolean awaited = c.paymentId().equals(booking.paymentId());
        if (awaited && (booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.CANCELLED
                || booking.status() == BookingStatus.REFUNDED)) {
            return Decision.accept(); // a duplicate: this payment already had its effect
        }
        List<BookingEvent> events = new ArrayList<>();
        events.add(new PaymentSucceeded(c.eventId(), c.bookingId(), c.paymentId(), c.amountCents(), c.currency(), now));
        if (!awaited) {
            events.add(refund(c, SUPERSEDED, now));
        } else if (!booking.status().isHolding()) {
            events.add(refund(c, NOT_HELD, now));
        } else if (!now.isBefore(booking.expiresAt())) {
            // The expiry timer has not run yet, but the hold is over: expire it, then refund.
            events.add(0, new HoldExpired(c.eventId(), c.bookingId(), booking.seats(), now));
            events.add(refund(c, LATE, now));
        } else if (c.amountCents() != booking.totalCents() || !booking.currency().equals(c.currency())) {
            events.add(refund(c, MISMATCH, now));
        } else {
            events.add(new BookingConfirmed(c.eventId(), c.bookingId(), c.paymentId(), c.amountCents(), booking.seats(), now));
        }
        return new Decision.Accepted(events);
    }

    private static RefundRequested refund(RecordPaymentOutcome c, String reason, Instant now) {
        return new RefundRequested(c.eventId(), c.bookingId(), c.paymentId(), c.amountCents(), c.currency(), reason, now);
    }

    /** A decline counts only for the payment the booking waits for; any other is late or repeated. */
    private static Decision failed(Booking booking, RecordPaymentOutcome c, Instant now) {
        if (booking.status() != BookingStatus.PAYMENT_PENDING || !c.paymentId().equals(booking.paymentId())) {
            return Decision.accept();
        }
        String reason = c.reason() == null || c.reason().isBlank() ? "declined" : c.reason();
        return Decision.accept(new PaymentFailed(c.eventId(), c.bookingId(), c.paymentId(), reason, now));
    }

    static Decision refunded(RecordRefund c, Instant now) {
        return Decision.accept(new RefundSucceeded(c.eventId(), c.bookingId(), c.paymentId(), c.amountCents(), now));
    }

    /** A confirmed booking's cancellation also owes its payment back. */
    static RefundRequested cancellationRefund(Booking booking, Instant now) {
        return new RefundRequested(booking.eventId(), booking.bookingId(), booking.paymentId(), booking.totalCents(),
                booking.currency(), CANCELLED, now);
    }
}
