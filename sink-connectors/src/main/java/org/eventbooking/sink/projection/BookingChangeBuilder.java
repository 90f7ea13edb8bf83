package org.eventbooking.sink.projection;

import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.SeatsHeld;

/** Fills the fields a fact knows; the rest stay null (unknown, left alone by the upsert). */
final class BookingChangeBuilder {

    private final String bookingId;
    private final String eventId;
    private final BookingChange.Family family;
    private final BookingStatus status;
    private final Instant at;
    private final SourcePosition source;
    private String userId;
    private List<String> seats;
    private Long totalCents;
    private String currency;
    private String paymentId;
    private Long paidCents;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant confirmedAt;

    BookingChangeBuilder(String bookingId, String eventId, BookingChange.Family family, BookingStatus status,
                         Instant at, SourcePosition source) {
        this.bookingId = RecordProjector.required(bookingId, "bookingId");
        this.eventId = eventId;
        this.family = family;
        this.status = status;
        this.at = at;
        this.source = source;
    }

    BookingChangeBuilder seats(List<String> seats) {
        this.seats = seats;
        return this;
    }

    BookingChangeBuilder userId(String userId) {
        this.userId = userId;
        return this;
    }

    BookingChangeBuilder paymentId(String paymentId) {
        this.paymentId = paymentId;
        return this;
    }

    BookingChange held(SeatsHeld e) {
        userId = e.userId();
        totalCents = e.totalCents();
        currency = e.currency();
        createdAt = e.occurredAt();
        expiresAt = e.expiresAt();
        return build();
    }

    BookingChange confirmed(BookingConfirmed e) {
        paymentId = e.paymentId();
        paidCents = e.amountCents();
        confirmedAt = e.occurredAt();
        return build();
    }

    BookingChange build() {
        return new BookingChange(bookingId, eventId, family, status, userId, seats, totalCents, currency,
                paymentId, paidCents, createdAt, expiresAt, confirmedAt, at, source);
    }
}
