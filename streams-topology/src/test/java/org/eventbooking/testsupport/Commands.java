package org.eventbooking.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.ConfirmBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.ReleaseHold;

/** Builders of commands for topology and integration tests: fresh ids, sensible values. */
public final class Commands {

    public static final String ORGANIZER = "organizer-1";

    private Commands() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** An event with one section FLOOR of {@code rows × seatsPerRow} seats at 50.00 EUR, starting in 30 days. */
    public static CreateEvent createEvent(String eventId, Instant now, int rows, int seatsPerRow, int holdTtlSeconds) {
        return new CreateEvent(newId(), ORGANIZER, eventId, "Flash Sale Live", "Arena", now.plus(Duration.ofDays(30)),
                "EUR", holdTtlSeconds, null, List.of(new Section("FLOOR", 5_000, rows, seatsPerRow)), null);
    }

    public static HoldSeats hold(String eventId, String userId, String... seats) {
        return new HoldSeats(newId(), userId, eventId, newId(), List.of(seats));
    }

    public static HoldBestAvailable holdBest(String eventId, String userId, int quantity) {
        return new HoldBestAvailable(newId(), userId, eventId, newId(), "FLOOR", quantity);
    }

    public static ReleaseHold release(String eventId, String userId, String bookingId) {
        return new ReleaseHold(newId(), userId, eventId, bookingId, false);
    }

    public static ConfirmBooking confirm(String eventId, String bookingId, long amountCents) {
        return new ConfirmBooking(newId(), "payments", eventId, bookingId, newId(), amountCents, "EUR");
    }

    public static CancelBooking cancel(String eventId, String userId, String bookingId) {
        return new CancelBooking(newId(), userId, eventId, bookingId, false);
    }
}
