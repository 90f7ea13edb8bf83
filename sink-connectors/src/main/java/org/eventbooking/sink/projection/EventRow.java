package org.eventbooking.sink.projection;

import java.time.Instant;

/** A row of {@code events}: the catalog entry. */
public record EventRow(String eventId, String organizerId, String title, String venue, Instant startsAt, String currency,
                       int holdTtlSeconds, int maxSeatsPerBooking, int capacity, Instant createdAt,
                       SourcePosition source) implements RowChange {
}
