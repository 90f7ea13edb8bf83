package org.eventbooking.domain.event;

import java.time.Instant;
import java.util.List;

public record HoldReleased(String eventId, String bookingId, String releasedBy, List<String> seats, Instant occurredAt)
        implements BookingEvent {
}
