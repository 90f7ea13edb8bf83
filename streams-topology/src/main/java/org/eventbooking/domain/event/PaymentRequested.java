package org.eventbooking.domain.event;

import java.time.Instant;

/** The customer started paying for a held booking: it is PAYMENT_PENDING with this payment id. */
public record PaymentRequested(String eventId, String bookingId, String paymentId, String userId, long amountCents,
                               String currency, Instant occurredAt) implements BookingEvent {
}
