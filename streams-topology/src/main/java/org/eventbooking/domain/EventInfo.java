package org.eventbooking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The catalog entry of a ticketed event: what can be booked, at what price, under which rules. */
public record EventInfo(
        String eventId,
        String organizerId,
        String title,
        String venue,
        Instant startsAt,
        String currency,
        int holdTtlSeconds,
        int maxSeatsPerBooking,
        List<Section> sections,
        Instant createdAt,
        Integer cancellationCutoffHours,
        Instant cancelledAt) {

    /** Until this long before the start, customers may cancel confirmed bookings (and are refunded). */
    public static final Duration DEFAULT_CANCELLATION_CUTOFF = Duration.ofHours(24);

    public EventInfo {
        sections = List.copyOf(sections);
    }

    public Duration cancellationCutoff() {
        return cancellationCutoffHours == null ? DEFAULT_CANCELLATION_CUTOFF : Duration.ofHours(cancellationCutoffHours);
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public EventInfo cancelled(Instant at) {
        return new EventInfo(eventId, organizerId, title, venue, startsAt, currency, holdTtlSeconds, maxSeatsPerBooking, sections,
                createdAt, cancellationCutoffHours, at);
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean contains(SeatId seat) {
        return section(seat.section()).map(s -> s.contains(seat)).orElse(false);
    }

    public int capacity() {
        return sections.stream().mapToInt(Section::capacity).sum();
    }
}
