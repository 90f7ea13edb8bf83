package org.eventbooking.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The state an event writes: new seat states, the new version of one booking and of the catalog
 * entry. Applying the deltas of the log in order rebuilds every store; derived indexes (section
 * and row counts, the expiry index) are kept by whoever applies them.
 */
public record StateDelta(String eventId, EventInfo event, Map<SeatId, SeatState> seats, Booking booking) {

    public StateDelta {
        seats = Map.copyOf(seats);
    }

    public Optional<EventInfo> eventUpdate() {
        return Optional.ofNullable(event);
    }

    public Optional<Booking> bookingUpdate() {
        return Optional.ofNullable(booking);
    }
}
