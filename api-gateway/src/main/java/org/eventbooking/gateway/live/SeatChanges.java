package org.eventbooking.gateway.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.SeatsHeld;

/** The seat statuses a booking fact sets, from the fact alone. */
final class SeatChanges {

    private SeatChanges() {
    }

    static Map<String, SeatStatus> of(BookingEvent event) {
        if (event instanceof SeatsHeld held) {
            return all(held.seats(), SeatStatus.HELD);
        }
        if (event instanceof HoldReleased released) {
            return all(released.seats(), SeatStatus.AVAILABLE);
        }
        if (event instanceof HoldExpired expired) {
            return all(expired.seats(), SeatStatus.AVAILABLE);
        }
        if (event instanceof BookingCancelled cancelled) {
            return all(cancelled.seats(), SeatStatus.AVAILABLE);
        }
        if (event instanceof BookingConfirmed || event instanceof EventCreated) {
            return Map.of();
        }
        throw new IllegalArgumentException("unknown booking fact " + event.getClass().getSimpleName());
    }

    private static Map<String, SeatStatus> all(List<String> seats, SeatStatus status) {
        Map<String, SeatStatus> changes = new LinkedHashMap<>();
        seats.forEach(seat -> changes.put(seat, status));
        return changes;
    }
}
