package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.RowChange;
import org.eventbooking.sink.projection.SeatChange;

/** All seats of one fact in one statement (unnest), so a 10-seat hold costs one round of the batch, not ten. */
final class SeatsUpsert implements RowBatch<SeatChange> {

    private static final String SQL = "INSERT INTO seats AS t (event_id, seat_id, section, status, booking_id, updated_at,"
            + " src_topic, src_partition, src_offset)"
            + " SELECT ?, seat, split_part(seat, '-', 1), ?, ?, ?, ?, ?, ? FROM unnest(?::text[]) AS seat"
            + " ON CONFLICT (event_id, seat_id) DO UPDATE SET status = EXCLUDED.status, booking_id = EXCLUDED.booking_id,"
            + " updated_at = EXCLUDED.updated_at, " + Bind.SOURCE_UPDATE + Bind.forwardOnly("t");

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof SeatChange;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void bind(PreparedStatement s, SeatChange change) throws SQLException {
        s.setString(1, change.eventId());
        s.setString(2, change.status().name());
        s.setString(3, change.bookingId());
        Bind.instant(s, 4, change.at());
        int next = Bind.source(s, 5, change.source());
        Bind.textArray(s, next, change.seatIds());
    }
}
