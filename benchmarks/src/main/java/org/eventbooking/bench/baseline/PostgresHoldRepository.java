package org.eventbooking.bench.baseline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The plain-PostgreSQL way to sell seats that the engine is compared with: one row per seat, and a
 * hold is one transaction that locks the requested rows ({@code SELECT … FOR UPDATE}, in one
 * order), checks them, marks them held and records the booking. Durability is PostgreSQL's
 * (synchronous commit): a hold that returned is on disk.
 */
public final class PostgresHoldRepository {

    private static final String LOCK_SEATS = "SELECT seat_id, status FROM baseline_seats"
            + " WHERE event_id = ? AND seat_id = ANY (?) ORDER BY seat_id FOR UPDATE";
    private static final String MARK_HELD = "UPDATE baseline_seats SET status = '" + HoldDecision.HELD_STATUS + "', booking_id = ?"
            + " WHERE event_id = ? AND seat_id = ANY (?)";
    private static final String RECORD_BOOKING = "INSERT INTO baseline_bookings (booking_id, event_id, user_id, seats, status, created_at)"
            + " VALUES (?, ?, ?, ?, '" + HoldDecision.HELD_STATUS + "', now())";

    private final DataSource dataSource;

    public PostgresHoldRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Drops and creates the two tables: a fresh event for every run. */
    public void recreateSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS baseline_bookings, baseline_seats");
            statement.execute("CREATE TABLE baseline_seats (event_id text NOT NULL, seat_id text NOT NULL, status text NOT NULL,"
                    + " booking_id text, PRIMARY KEY (event_id, seat_id)) WITH (fillfactor = 80)");
            statement.execute("CREATE TABLE baseline_bookings (booking_id text PRIMARY KEY, event_id text NOT NULL,"
                    + " user_id text NOT NULL, seats text[] NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL)");
        }
    }

    /** All seats of the event, available: sections S1..Sn of rows x seatsPerRow, ids {@code S<n>-<row>-<seat>}. */
    public void createEvent(String eventId, int sections, int rows, int seatsPerRow) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO baseline_seats (event_id, seat_id, status)"
                     + " SELECT ?, 'S' || s || '-' || r || '-' || n, '" + HoldDecision.AVAILABLE + "'"
                     + " FROM generate_series(1, ?) s, generate_series(1, ?) r, generate_series(1, ?) n")) {
            insert.setString(1, eventId);
            insert.setInt(2, sections);
            insert.setInt(3, rows);
            insert.setInt(4, seatsPerRow);
            insert.executeUpdate();
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("VACUUM ANALYZE baseline_seats");
            }
        }
    }

    /** Holds the seats for the booking in one transaction, or changes nothing; says which. */
    public HoldDecision hold(String eventId, String bookingId, String userId, List<String> seats) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Array seatArray = connection.createArrayOf("text", HoldDecision.lockOrder(seats).toArray());
                HoldDecision decision = HoldDecision.decide(seats, lock(connection, eventId, seatArray));
                if (decision == HoldDecision.HELD) {
                    markHeld(connection, eventId, bookingId, seatArray);
                    recordBooking(connection, eventId, bookingId, userId, seatArray);
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return decision;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static Map<String, String> lock(Connection connection, String eventId, Array seats) throws SQLException {
        Map<String, String> statusBySeat = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK_SEATS)) {
            select.setString(1, eventId);
            select.setArray(2, seats);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statusBySeat.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return statusBySeat;
    }

    private static void markHeld(Connection connection, String eventId, String bookingId, Array seats) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_HELD)) {
            update.setString(1, bookingId);
            update.setString(2, eventId);
            update.setArray(3, seats);
            update.executeUpdate();
        }
    }

    private static void recordBooking(Connection connection, String eventId, String bookingId, String userId, Array seats)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RECORD_BOOKING)) {
            insert.setString(1, bookingId);
            insert.setString(2, eventId);
            insert.setString(3, userId);
            insert.setArray(4, seats);
            insert.executeUpdate();
        }
    }
}
