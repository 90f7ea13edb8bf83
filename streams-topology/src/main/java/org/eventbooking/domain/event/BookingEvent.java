package org.eventbooking.domain.event;

import java.time.Instant;

/** A fact in the log. State is the fold of these through {@code BookingEvolver}. */
public sealed interface BookingEvent
        permits EventCreated, SeatsHeld, HoldReleased, HoldExpired, BookingConfirmed, BookingCancelled {

    String eventId();

    Instant occurredAt();

    default int schemaVersion() {
        return 1;
    }
}
