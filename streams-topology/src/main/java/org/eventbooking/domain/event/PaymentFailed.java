package org.eventbooking.domain.event;

import java.time.Instant;

/** The provider declined the payment; the booking is HELD again and may be paid until it expires. */
public record PaymentFailed(String eventId, String bookingId, String paymentId, String reason, Instant occurredAt)
        implements BookingEvent {
}
