package org.eventbooking.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eventbooking.domain.command.CreateEvent;

/** The limits an event must respect (DESIGN §4) and its defaults. */
public final class EventRules {

    public static final int DEFAULT_HOLD_TTL_SECONDS = 600;
    public static final int MAX_HOLD_TTL_SECONDS = 86_400;
    public static final int DEFAULT_MAX_SEATS_PER_BOOKING = 10;
    public static final int MAX_SEATS_PER_BOOKING = 100;
    public static final int MAX_ROWS = 1000;
    public static final int MAX_SEATS_PER_ROW = 1000;
    /** The HTTP contract's limit; the engine can be configured higher (the benchmark's hot event is larger). */
    public static final int MAX_SEATS_PER_EVENT = 100_000;
    /** A year: cancellation may close at most this long before the start. */
    public static final int MAX_CANCELLATION_CUTOFF_HOURS = 8_760;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern SECTION_NAME = Pattern.compile(SeatId.SECTION_NAME_PATTERN);

    private EventRules() {
    }

    /** The first rule the command breaks, as a message for people; empty when it is valid. */
    public static Optional<String> violation(CreateEvent c, Instant now, int maxSeatsPerEvent) {
        if (isBlank(c.title()) || c.title().length() > 200) {
            return Optional.of("title must be 1-200 characters");
        }
        if (isBlank(c.venue()) || c.venue().length() > 200) {
            return Optional.of("venue must be 1-200 characters");
        }
        if (c.startsAt() == null || !c.startsAt().isAfter(now)) {
            return Optional.of("startsAt must be in the future");
        }
        if (c.currency() == null || !CURRENCY.matcher(c.currency()).matches()) {
            return Optional.of("currency must be an ISO 4217 code such as EUR");
        }
        if (c.holdTtlSeconds() != null && (c.holdTtlSeconds() < 1 || c.holdTtlSeconds() > MAX_HOLD_TTL_SECONDS)) {
            return Optional.of("holdTtlSeconds must be 1-" + MAX_HOLD_TTL_SECONDS);
        }
        if (c.maxSeatsPerBooking() != null && (c.maxSeatsPerBooking() < 1 || c.maxSeatsPerBooking() > MAX_SEATS_PER_BOOKING)) {
            return Optional.of("maxSeatsPerBooking must be 1-" + MAX_SEATS_PER_BOOKING);
        }
        if (c.cancellationCutoffHours() != null && (c.cancellationCutoffHours() < 0 || c.cancellationCutoffHours() > MAX_CANCELLATION_CUTOFF_HOURS)) {
            return Optional.of("cancellationCutoffHours must be 0-" + MAX_CANCELLATION_CUTOFF_HOURS);
        }
        return sectionsViolation(c, maxSeatsPerEvent);
    }

    private static Optional<String> sectionsViolation(CreateEvent c, int maxSeatsPerEvent) {
        if (c.sections() == null || c.sections().isEmpty()) {
            return Optional.of("at least one section is required");
        }
        Set<String> names = new HashSet<>();
        long seats = 0;
        for (Section s : c.sections()) {
            if (s == null || s.name() == null || !SECTION_NAME.matcher(s.name()).matches()) {
                return Optional.of("section names must match " + SeatId.SECTION_NAME_PATTERN);
            }
            if (!names.add(s.name())) {
                return Optional.of("section " + s.name() + " is listed twice");
            }
            if (s.priceCents() < 0) {
                return Optional.of("priceCents of section " + s.name() + " must be >= 0");
            }
            if (s.rows() < 1 || s.rows() > MAX_ROWS || s.seatsPerRow() < 1 || s.seatsPerRow() > MAX_SEATS_PER_ROW) {
                return Optional.of("rows and seatsPerRow of section " + s.name() + " must be 1-1000");
            }
            seats += (long) s.rows() * s.seatsPerRow();
        }
        if (seats > maxSeatsPerEvent) {
            return Optional.of("an event has at most " + maxSeatsPerEvent + " seats, this one has " + seats);
        }
        return Optional.empty();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
