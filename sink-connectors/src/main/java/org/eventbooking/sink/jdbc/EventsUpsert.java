package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.EventRow;
import org.eventbooking.sink.projection.RowChange;

final class EventsUpsert implements RowBatch<EventRow> {

    private static final String SQL = "INSERT INTO events AS t (event_id, organizer_id, title, venue, starts_at, currency,"
            + " hold_ttl_seconds, max_seats_per_booking, capacity, created_at, src_topic, src_partition, src_offset)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (event_id) DO UPDATE SET organizer_id = EXCLUDED.organizer_id, title = EXCLUDED.title,"
            + " venue = EXCLUDED.venue, starts_at = EXCLUDED.starts_at, currency = EXCLUDED.currency,"
            + " hold_ttl_seconds = EXCLUDED.hold_ttl_seconds, max_seats_per_booking = EXCLUDED.max_seats_per_booking,"
            + " capacity = EXCLUDED.capacity, created_at = EXCLUDED.created_at, " + Bind.SOURCE_UPDATE
            + Bind.forwardOnly("t");

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof EventRow;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void bind(PreparedStatement s, EventRow row) throws SQLException {
        s.setString(1, row.eventId());
        s.setString(2, row.organizerId());
        s.setString(3, row.title());
        s.setString(4, row.venue());
        Bind.instant(s, 5, row.startsAt());
        s.setString(6, row.currency());
        s.setInt(7, row.holdTtlSeconds());
        s.setInt(8, row.maxSeatsPerBooking());
        s.setInt(9, row.capacity());
        Bind.instant(s, 10, row.createdAt());
        Bind.source(s, 11, row.source());
    }
}
