package org.eventbooking.domain.event;

import java.time.Instant;

/** Money taken must go back: the booking was cancelled, or the payment bought nothing (late, stale, wrong amount). */
public record RefundRequested(String eventId, String bookingId, String paymentId, long amountCents, String currency,
                              String reason, Instant occurredAt) implements BookingEvent {
}
