package org.eventbooking.domain.event;

import java.time.Instant;

/** The provider took the money. What that buys is decided alongside: a confirmation, or a refund. */
public record PaymentSucceeded(String eventId, String bookingId, String paymentId, long amountCents, String currency,
                               Instant occurredAt) implements BookingEvent {
}
