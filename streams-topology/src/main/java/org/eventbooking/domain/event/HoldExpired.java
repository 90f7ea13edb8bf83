package org.eventbooking.domain.event;

import java.time.Instant;
import java.util.List;

/** A hold outlived its TTL. Being an event, replay never re-runs the timer that caused it. */
public record HoldExpired(String eventId, String bookingId, List<String> seats, Instant occurredAt) implements BookingEvent {
}
