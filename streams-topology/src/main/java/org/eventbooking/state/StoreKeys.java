package org.eventbooking.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eventbooking.domain.SeatId;

/**
 * Key layout of the state tables. Every key starts with the event id, so one event's state is a
 * contiguous range; the expiry index starts with the zero-padded expiry time, so due holds are a
 * range scan from the start.
 */
public final class StoreKeys {

    private static final char SEPARATOR = '/';
    private static final int EXPIRY_DIGITS = 13;

    private StoreKeys() {
    }

    public static String seat(String eventId, SeatId seat) {
        return eventId + SEPARATOR + seat;
    }

    public static String row(String eventId, String section, int row) {
        return eventId + SEPARATOR + SeatId.rowPrefix(section, row);
    }

    public static String booking(String eventId, String bookingId) {
        return eventId + SEPARATOR + bookingId;
    }

    public static String userBooking(String userId, String bookingId) {
        return userId + SEPARATOR + bookingId;
    }

    /** The prefix every key of one user's bookings starts with. */
    public static String userBookingsPrefix(String userId) {
        return userId + SEPARATOR;
    }

    public static String section(String eventId, String section) {
        return eventId + SEPARATOR + section;
    }

    public static String expiry(Instant expiresAt, String eventId, String bookingId) {
        return expiryPrefix(roundUpToMillis(expiresAt)) + SEPARATOR + booking(eventId, bookingId);
    }

    // Keys have millisecond resolution: rounding up means a hold is never listed as due before its
    // expiresAt, when decide would still refuse to expire it.
    private static Instant roundUpToMillis(Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(at) ? at : millis.plusMillis(1);
    }

    /** The first expiry key after every hold that expires at or before {@code now}. */
    public static String expiryUpperBound(Instant now) {
        return expiryPrefix(now.plusMillis(1));
    }

    private static String expiryPrefix(Instant at) {
        // Zero-padded so that keys sort by time. Not String.format: every hold builds this key,
        // and parsing the format costs more than the rest of the hold's keys together.
        String millis = Long.toString(at.toEpochMilli());
        return "0".repeat(Math.max(0, EXPIRY_DIGITS - millis.length())) + millis;
    }
}
