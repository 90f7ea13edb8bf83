package org.eventbooking.bench;

import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.SeatsHeld;

/**
 * Booking facts as the engine writes them, spread over many events: each booking holds 2 seats and
 * then is confirmed (50%), expires (30%) or is released (20%), so every fact touches history,
 * bookings and seats like real traffic does. As in real traffic, a booking's outcome comes a while
 * after its hold ({@link #OUTCOME_DELAY} facts later), not in the same breath.
 */
final class ProjectionWorkload {

    static final int SEATS_PER_ROW = 1000;
    static final long OUTCOME_DELAY = 20_000;
    private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private final int events;
    private final String prefix;

    ProjectionWorkload(int events, String prefix) {
        this.events = events;
        this.prefix = prefix;
    }

    String eventId(long booking) {
        return prefix + "-ev-" + booking % events;
    }

    EventCreated eventCreated(int event, int rows) {
        return new EventCreated(prefix + "-ev-" + event, "org-bench", "Bench " + event, "Arena",
                Instant.parse("2027-01-01T20:00:00Z"), "EUR", 600, 10,
                List.of(new Section("FLOOR", 5000, rows, SEATS_PER_ROW)), T0, null);
    }

    /**
     * Fact {@code n} of the stream: the first {@link #OUTCOME_DELAY} facts hold bookings 0.., then
     * outcomes (of bookings 0..) and further holds alternate.
     */
    BookingEvent fact(long n) {
        if (n < OUTCOME_DELAY) {
            return fact(n, true, n);
        }
        long k = (n - OUTCOME_DELAY) / 2;
        boolean hold = (n - OUTCOME_DELAY) % 2 == 1;
        return fact(hold ? OUTCOME_DELAY + k : k, hold, n);
    }

    private BookingEvent fact(long booking, boolean hold, long n) {
        String eventId = eventId(booking);
        String bookingId = prefix + "-b-" + booking;
        long seat = 2 * (booking / events);
        List<String> seats = List.of(seatId(seat), seatId(seat + 1));
        Instant at = T0.plusMillis(n);
        if (hold) {
            return new SeatsHeld(eventId, bookingId, "user-" + booking % 997, seats, 10_000, "EUR", at.plusSeconds(600), at);
        }
        long outcome = booking % 10;
        if (outcome < 5) {
            return new BookingConfirmed(eventId, bookingId, "pay-" + bookingId, 10_000, seats, at);
        } else if (outcome < 8) {
            return new HoldExpired(eventId, bookingId, seats, at);
        }
        return new HoldReleased(eventId, bookingId, "user-" + booking % 997, seats, at);
    }

    private static String seatId(long index) {
        return "FLOOR-" + (1 + index / SEATS_PER_ROW) + "-" + (1 + index % SEATS_PER_ROW);
    }
}
