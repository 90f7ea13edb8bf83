package org.eventbooking.domain.event;

import java.time.Instant;
import java.util.List;

/** A confirmed booking was cancelled; its seats return to sale and {@code refundCents} is owed back. */
public record BookingCancelled(String eventId, String bookingId, String cancelledBy, List<String> seats,
                               long refundCents, Instant occurredAt) implements BookingEvent {
}
