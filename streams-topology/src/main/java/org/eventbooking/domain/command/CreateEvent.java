package org.eventbooking.domain.command;

import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.Section;

/** An organiser puts an event on sale. Null limits take the defaults. */
public record CreateEvent(
        String commandId,
        String userId,
        String eventId,
        String title,
        String venue,
        Instant startsAt,
        String currency,
        Integer holdTtlSeconds,
        Integer maxSeatsPerBooking,
        List<Section> sections,
        Integer cancellationCutoffHours) implements BookingCommand {
}
