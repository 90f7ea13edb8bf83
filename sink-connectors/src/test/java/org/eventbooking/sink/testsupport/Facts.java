package org.eventbooking.sink.testsupport;

import java.time.Instant;
import java.util.List;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.domain.event.UserRegistered;

/** Facts as the engine writes them, for one event with two sections; times are seconds after {@link #T0}. */
public final class Facts {

    public static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private Facts() {
    }

    public static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    public static EventCreated eventCreated(String eventId) {
        return new EventCreated(eventId, "org-1", "Concert " + eventId, "Hall", Instant.parse("2026-12-01T19:00:00Z"),
                "EUR", 600, 10, List.of(new Section("FLOOR", 5000, 10, 20), new Section("BALCONY", 3000, 5, 10)), at(0), null);
    }

    public static SeatsHeld held(String eventId, String bookingId, long second, String... seats) {
        return new SeatsHeld(eventId, bookingId, "user-1", List.of(seats), 5000L * seats.length, "EUR",
                at(second + 600), at(second));
    }

    public static HoldReleased released(String eventId, String bookingId, long second, String... seats) {
        return new HoldReleased(eventId, bookingId, "user-1", List.of(seats), at(second));
    }

    public static HoldExpired expired(String eventId, String bookingId, long second, String... seats) {
        return new HoldExpired(eventId, bookingId, List.of(seats), at(second));
    }

    public static BookingConfirmed confirmed(String eventId, String bookingId, long second, String... seats) {
        return new BookingConfirmed(eventId, bookingId, "pay-" + bookingId, 5000L * seats.length, List.of(seats),
                at(second));
    }

    public static BookingCancelled cancelled(String eventId, String bookingId, long second, String... seats) {
        return new BookingCancelled(eventId, bookingId, "user-1", List.of(seats), 5000L * seats.length, at(second));
    }

    public static PaymentRequested paymentRequested(String eventId, String bookingId, long second) {
        return new PaymentRequested(eventId, bookingId, "pay-" + bookingId, "user-1", 10000, "EUR", at(second));
    }

    public static PaymentSucceeded paymentSucceeded(String eventId, String bookingId, long second) {
        return new PaymentSucceeded(eventId, bookingId, "pay-" + bookingId, 10000, "EUR", at(second));
    }

    public static PaymentFailed paymentFailed(String eventId, String bookingId, long second) {
        return new PaymentFailed(eventId, bookingId, "pay-" + bookingId, "card declined", at(second));
    }

    public static RefundRequested refundRequested(String eventId, String bookingId, long second) {
        return new RefundRequested(eventId, bookingId, "pay-" + bookingId, 10000, "EUR", "booking cancelled",
                at(second));
    }

    public static RefundSucceeded refundSucceeded(String eventId, String bookingId, long second) {
        return new RefundSucceeded(eventId, bookingId, "pay-" + bookingId, 10000, at(second));
    }

    public static UserRegistered userRegistered(String userId) {
        return new UserRegistered(userId, userId + "@example.org", "name_" + userId.replace('-', '_'), "customer",
                "$2a$12$secret-hash", at(0));
    }
}
