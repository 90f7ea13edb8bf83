package org.eventbooking.domain.event;

import java.time.Instant;

/**
 * A fact in one of the log topics: booking facts, keyed by event id, and user lifecycle facts,
 * keyed by email. Every derived state is a fold of these.
 */
public sealed interface LogEvent permits BookingEvent, UserRegistered {

    Instant occurredAt();

    default int schemaVersion() {
        return 1;
    }
}
