package org.eventbooking.sink.projection;

import static org.eventbooking.sink.projection.RecordProjector.required;

import java.util.List;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;

/** The searchable columns of a booking or payment fact's history row; the whole fact goes to {@code detail}. */
final class HistoryRows {

    private HistoryRows() {
    }

    static HistoryRow of(BookingEvent fact, byte[] json, SourcePosition source) {
        if (fact instanceof SeatsHeld e) {
            return row(e, e.bookingId(), e.userId(), null, e.seats(), e.totalCents(), json, source);
        } else if (fact instanceof HoldReleased e) {
            return row(e, e.bookingId(), null, null, e.seats(), null, json, source);
        } else if (fact instanceof HoldExpired e) {
            return row(e, e.bookingId(), null, null, e.seats(), null, json, source);
        } else if (fact instanceof BookingConfirmed e) {
            return row(e, e.bookingId(), null, e.paymentId(), e.seats(), e.amountCents(), json, source);
        } else if (fact instanceof BookingCancelled e) {
            return row(e, e.bookingId(), null, null, e.seats(), e.refundCents(), json, source);
        } else if (fact instanceof PaymentRequested e) {
            return row(e, e.bookingId(), e.userId(), e.paymentId(), null, e.amountCents(), json, source);
        } else if (fact instanceof PaymentSucceeded e) {
            return row(e, e.bookingId(), null, e.paymentId(), null, e.amountCents(), json, source);
        } else if (fact instanceof PaymentFailed e) {
            return row(e, e.bookingId(), null, e.paymentId(), null, null, json, source);
        } else if (fact instanceof RefundRequested e) {
            return row(e, e.bookingId(), null, e.paymentId(), null, e.amountCents(), json, source);
        } else if (fact instanceof RefundSucceeded e) {
            return row(e, e.bookingId(), null, e.paymentId(), null, e.amountCents(), json, source);
        }
        throw new UnprojectableRecordException("no history row for " + fact.getClass().getSimpleName());
    }

    private static HistoryRow row(BookingEvent fact, String bookingId, String userId, String paymentId,
                                  List<String> seats, Long amountCents, byte[] json, SourcePosition source) {
        return new HistoryRow(fact.eventId(), required(bookingId, "bookingId"), fact.getClass().getSimpleName(),
                fact.occurredAt(), userId, paymentId, seats, amountCents, json, source);
    }
}
