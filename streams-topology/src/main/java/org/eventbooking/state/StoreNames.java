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

    /** The booking stores derived from the log, in {@link BookingTables#byName()} order. */
    public static final List<String> DERIVED_FROM_LOG = List.of(EVENTS, SEATS, BOOKINGS, SECTIONS, ROWS, EXPIRIES);

    /**
     * Every key-value store of the topology: the booking stores, the accounts (a fold of
     * {@code UserRegistered}) and each user's bookings (the latest version of every booking). All
     * are derived from the log, so a replay rebuilds exactly these. Not {@link #IDEMPOTENCY}: the
     * replies it remembers, rejections included, are not in the log.
     */
    public static final List<String> REBUILT_BY_REPLAY = List.of(EVENTS, SEATS, BOOKINGS, SECTIONS, ROWS, EXPIRIES, USERS,
            USER_BOOKINGS);

    private StoreNames() {
    }
}
