package org.eventbooking.gateway.http.api;

import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.Section;

/** A catalog entry as the API shows it. */
public record EventView(String eventId, String organizerId, String title, String venue, Instant startsAt, String currency,
                        int holdTtlSeconds, int maxSeatsPerBooking, List<Section> sections, int capacity, Instant createdAt) {

    public static EventView of(EventInfo event) {
        return new EventView(event.eventId(), event.organizerId(), event.title(), event.venue(), event.startsAt(),
                event.currency(), event.holdTtlSeconds(), event.maxSeatsPerBooking(), event.sections(), event.capacity(),
                event.createdAt());
    }
}
