package org.eventbooking.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * What the reporting database shows of one event's sale: its confirmed bookings and sold seats, and
 * how long after the wait began it caught up with the engine.
 */
record ProjectedSale(Set<String> confirmed, long soldSeats, double catchUpSeconds) {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** Waits (at most 3 minutes) until PostgreSQL has {@code expectedConfirmed} confirmed bookings of the event. */
    static ProjectedSale await(String url, String eventId, int expectedConfirmed) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        ProjectedSale seen;
        do {
            seen = read(url, eventId, start);
            if (seen.confirmed().size() >= expectedConfirmed) {
                return seen;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return seen;
    }

    private static ProjectedSale read(String url, String eventId, long start) {
        Set<String> confirmed = new HashSet<>();
        long sold;
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement bookings = connection.prepareStatement(
                     "SELECT booking_id FROM bookings WHERE event_id = ? AND status = 'CONFIRMED'");
             PreparedStatement seats = connection.prepareStatement(
                     "SELECT count(*) FROM seats WHERE event_id = ? AND status = 'SOLD'")) {
            bookings.setString(1, eventId);
            try (ResultSet rows = bookings.executeQuery()) {
                while (rows.next()) {
                    confirmed.add(rows.getString(1));
                }
            }
            seats.setString(1, eventId);
            try (ResultSet count = seats.executeQuery()) {
                count.next();
                sold = count.getLong(1);
            }
        } catch (SQLException notYet) {
            // The sink creates its tables with its first batch (and PostgreSQL may be restarting): nothing to see yet.
            return new ProjectedSale(Set.of(), 0, (System.nanoTime() - start) / 1e9);
        }
        return new ProjectedSale(confirmed, sold, (System.nanoTime() - start) / 1e9);
    }

    /** Every row of the bookings table as PostgreSQL prints it, by booking id: to name the rows a rebuild changed. */
    static java.util.Map<String, String> bookingRows(String url) {
        java.util.Map<String, String> rows = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement("SELECT booking_id, b::text FROM bookings b");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the bookings table failed: " + e.getMessage(), e);
        }
        return rows;
    }
}
