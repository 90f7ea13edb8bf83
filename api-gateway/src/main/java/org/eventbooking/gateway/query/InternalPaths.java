package org.eventbooking.gateway.query;

import java.time.Duration;

/** The node-to-node routes that answer from a node's own stores (served by {@code InternalRoutes}). */
public final class InternalPaths {

    public static final String PREFIX = "/internal/stores";
    public static final String EVENTS = PREFIX + "/events";
    public static final String EVENT = PREFIX + "/events/{eventId}";
    public static final String AVAILABILITY = PREFIX + "/availability/{eventId}";
    public static final String BOOKING = PREFIX + "/bookings/{eventId}/{bookingId}";
    public static final String ACCOUNT = PREFIX + "/accounts/{email}";
    public static final String USER_BOOKINGS = PREFIX + "/user-bookings/{userId}";

    private InternalPaths() {
    }

    static String events(String afterId, int limit) {
        return EVENTS + "?limit=" + limit + (afterId == null ? "" : "&after=" + ClusterReads.encode(afterId));
    }

    static String event(String eventId) {
        return PREFIX + "/events/" + ClusterReads.encode(eventId);
    }

    static String availability(String eventId, boolean withSeats) {
        return PREFIX + "/availability/" + ClusterReads.encode(eventId) + "?seats=" + withSeats;
    }

    static String booking(String eventId, String bookingId, Duration wait) {
        return PREFIX + "/bookings/" + ClusterReads.encode(eventId) + "/" + ClusterReads.encode(bookingId) + "?waitMs=" + wait.toMillis();
    }

    static String account(String email) {
        return PREFIX + "/accounts/" + ClusterReads.encode(email);
    }

    static String userBookings(String userId) {
        return PREFIX + "/user-bookings/" + ClusterReads.encode(userId);
    }
}
