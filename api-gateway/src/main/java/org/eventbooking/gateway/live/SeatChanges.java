package org.eventbooking.gateway.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;

/** The seat statuses a booking fact sets, from the fact alone (as {@code BookingEvolver} sets them in the store). */
final class SeatChanges {

    /**
     * Facts that change no seat: the catalog's, and money's (a payment leaves its seats HELD; what
     * it changes comes in the facts decided with it: BookingConfirmed, HoldExpired, BookingCancelled).
     */
    static final Set<Class<? extends BookingEvent>> NONE = Set.of(EventCreated.class, EventCancelled.class,
            PaymentRequested.class, PaymentSucceeded.class, PaymentFailed.class, RefundRequested.class, RefundSucceeded.class);

    private SeatChanges() {
    }

    // Java 17 has no pattern matching for switch; SeatChangesTest checks every booking fact is handled.
    static Map<String, SeatStatus> of(BookingEvent event) {
        if (event instanceof SeatsHeld held) {
            return all(held.seats(), SeatStatus.HELD);
        }
        if (event instanceof BookingConfirmed confirmed) {
            return all(confirmed.seats(), SeatStatus.SOLD);
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
        if (NONE.contains(event.getClass())) {
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
