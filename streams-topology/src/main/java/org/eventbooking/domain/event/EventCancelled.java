package org.eventbooking.domain.event;

import java.time.Instant;

/** The organiser called the event off: nothing more can be held, and every booking was given back or refunded. */
public record EventCancelled(String eventId, String cancelledBy, Instant occurredAt) implements BookingEvent {
}
