package org.eventbooking.gateway.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.Section;

/** A catalog entry as the API shows it. */
public record EventView(String eventId, String organizerId, String title, String venue, Instant startsAt, String currency,
                        int holdTtlSeconds, int maxSeatsPerBooking, long cancellationCutoffHours, List<Section> sections, int capacity,
                        Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) Instant cancelledAt) {

    public static EventView of(EventInfo event) {
        return new EventView(event.eventId(), event.organizerId(), event.title(), event.venue(), event.startsAt(),
                event.currency(), event.holdTtlSeconds(), event.maxSeatsPerBooking(), event.cancellationCutoff().toHours(),
                event.sections(), event.capacity(), event.createdAt(), event.cancelledAt());
    }
}
