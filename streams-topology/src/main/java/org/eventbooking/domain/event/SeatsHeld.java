package org.eventbooking.domain.event;

import java.time.Instant;
import java.util.List;

public record SeatsHeld(String eventId, String bookingId, String userId, List<String> seats, long totalCents,
                        String currency, Instant expiresAt, Instant occurredAt) implements BookingEvent {
}
