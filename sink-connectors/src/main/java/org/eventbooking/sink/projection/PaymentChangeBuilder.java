package org.eventbooking.sink.projection;

import java.time.Instant;

/** Fills the fields a payment fact knows; the rest stay null (unknown, left alone by the upsert). */
final class PaymentChangeBuilder {

    private final String paymentId;
    private final String bookingId;
    private final String eventId;
    private final PaymentChange.PaymentStatus status;
    private final Instant at;
    private final SourcePosition source;
    private String userId;
    private Long amountCents;
    private String currency;
    private Long refundedCents;
    private String failureReason;
    private String refundReason;

    PaymentChangeBuilder(String paymentId, String bookingId, String eventId, PaymentChange.PaymentStatus status,
                         Instant at, SourcePosition source) {
        this.paymentId = paymentId;
        this.bookingId = bookingId;
        this.eventId = eventId;
        this.status = status;
        this.at = at;
        this.source = source;
    }

    PaymentChangeBuilder userId(String userId) {
        this.userId = userId;
        return this;
    }

    PaymentChangeBuilder amount(long cents, String currency) {
        this.amountCents = cents;
        this.currency = currency;
        return this;
    }

    PaymentChangeBuilder refunded(long cents) {
        this.refundedCents = cents;
        return this;
    }

    PaymentChangeBuilder failureReason(String reason) {
        this.failureReason = reason;
        return this;
    }

    PaymentChangeBuilder refundReason(String reason) {
        this.refundReason = reason;
        return this;
    }

    PaymentChange build() {
        return new PaymentChange(paymentId, bookingId, eventId, status, userId, amountCents, currency, refundedCents,
                failureReason, refundReason, at, source);
    }
}
