package org.eventbooking.domain.event;

import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.Section;

/** A ticketed event went on sale (written to the catalog log, {@code event-streams}). */
public record EventCreated(
        String eventId,
        String organizerId,
        String title,
        String venue,
        Instant startsAt,
        String currency,
        int holdTtlSeconds,
        int maxSeatsPerBooking,
        List<Section> sections,
        Instant occurredAt,
        Integer cancellationCutoffHours) implements BookingEvent {

    public EventInfo toEventInfo() {
        return new EventInfo(eventId, organizerId, title, venue, startsAt, currency, holdTtlSeconds,
                maxSeatsPerBooking, sections, occurredAt, cancellationCutoffHours, null);
    }
}
