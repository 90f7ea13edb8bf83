package org.eventbooking.domain.event;

import java.time.Instant;

/** The provider paid the refund back. */
public record RefundSucceeded(String eventId, String bookingId, String paymentId, long amountCents, Instant occurredAt)
        implements BookingEvent {
}
