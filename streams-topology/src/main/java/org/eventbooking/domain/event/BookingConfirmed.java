package org.eventbooking.domain.event;

import java.time.Instant;
import java.util.List;

public record BookingConfirmed(String eventId, String bookingId, String paymentId, long amountCents,
                               List<String> seats, Instant occurredAt) implements BookingEvent {
}
