package org.eventbooking.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.SeatsHeld;

/**
 * {@code evolve(state, event) → delta}: what one event does to the state. Pure; applying the
 * deltas of the log in order from offset 0 gives the live state (rebuild = replay).
 */
public final class BookingEvolver {

    private BookingEvolver() {
    }

    // Java 17 has no pattern matching for switch; BookingEvolverTest checks every event type is handled.
    public static StateDelta evolve(BookingState state, BookingEvent event) {
        if (event instanceof EventCreated e) {
            return new StateDelta(e.eventId(), e.toEventInfo(), Map.of(), null);
        } else if (event instanceof SeatsHeld e) {
            Booking booking = new Booking(e.bookingId(), e.eventId(), e.userId(), BookingStatus.HELD, e.seats(), e.totalCents(),
                    e.currency(), e.occurredAt(), e.expiresAt(), null, e.occurredAt());
            return new StateDelta(e.eventId(), null, seats(e.seats(), seat -> SeatState.held(e.bookingId())), booking);
        } else if (event instanceof HoldReleased e) {
            return freeSeats(state, e, e.bookingId(), e.seats(), BookingStatus.RELEASED);
        } else if (event instanceof HoldExpired e) {
            return freeSeats(state, e, e.bookingId(), e.seats(), BookingStatus.EXPIRED);
        } else if (event instanceof BookingCancelled e) {
            return freeSeats(state, e, e.bookingId(), e.seats(), BookingStatus.CANCELLED);
        } else if (event instanceof BookingConfirmed e) {
            Booking booking = existing(state, e, e.bookingId()).confirmed(e.paymentId(), e.occurredAt());
            return new StateDelta(e.eventId(), null, seats(e.seats(), seat -> SeatState.sold(e.bookingId())), booking);
        }
        throw new IllegalStateException("no evolution for " + event.getClass().getName());
    }

    private static StateDelta freeSeats(BookingState state, BookingEvent event, String bookingId, List<String> seats, BookingStatus status) {
        Booking booking = existing(state, event, bookingId).withStatus(status, event.occurredAt());
        return new StateDelta(event.eventId(), null, seats(seats, seat -> SeatState.AVAILABLE), booking);
    }

    private static Booking existing(BookingState state, BookingEvent event, String bookingId) {
        return state.booking(event.eventId(), bookingId).orElseThrow(() -> new IllegalStateException(
                event.getClass().getSimpleName() + " for unknown booking " + bookingId + " of event " + event.eventId()
                        + " at " + event.occurredAt() + ": the log is not a valid history"));
    }

    private static Map<SeatId, SeatState> seats(List<String> seats, Function<SeatId, SeatState> state) {
        Map<SeatId, SeatState> result = new HashMap<>(seats.size() * 2);
        for (String text : seats) {
            SeatId seat = SeatId.parse(text).orElseThrow(() -> new IllegalStateException("malformed seat id in the log: " + text));
            result.put(seat, state.apply(seat));
        }
        return result;
    }
}
