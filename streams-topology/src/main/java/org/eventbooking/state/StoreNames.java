package org.eventbooking.state;

import java.util.List;

/** Names of the state stores (and so of their changelog topics). */
public final class StoreNames {

    public static final String EVENTS = "events";
    public static final String SEATS = "seats";
    public static final String BOOKINGS = "bookings";
    public static final String SECTIONS = "section-availability";
    public static final String ROWS = "row-availability";
    public static final String EXPIRIES = "hold-expiries";
    public static final String IDEMPOTENCY = "command-outcomes";
    /** Accounts keyed by normalised email. */
    public static final String USERS = "users";
    /** Each user's bookings, keyed {@code userId/bookingId}. */
    public static final String USER_BOOKINGS = "user-bookings";

    /** The stores derived from the log, in {@link BookingTables#byName()} order; replay rebuilds exactly these. */
    public static final List<String> DERIVED_FROM_LOG = List.of(EVENTS, SEATS, BOOKINGS, SECTIONS, ROWS, EXPIRIES);

    private StoreNames() {
    }
}
