package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.HistoryRow;
import org.eventbooking.sink.projection.RowChange;

/** History is insert-only: a fact is its log position, so a second delivery finds it there and does nothing. */
final class HistoryInsert implements RowBatch<HistoryRow> {

    private static final String SQL = "INSERT INTO booking_events (event_id, booking_id, type, occurred_at, user_id,"
            + " payment_id, seats, amount_cents, detail, src_topic, src_partition, src_offset)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof HistoryRow;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void bind(PreparedStatement s, HistoryRow row) throws SQLException {
        s.setString(1, row.eventId());
        s.setString(2, row.bookingId());
        s.setString(3, row.type());
        Bind.instant(s, 4, row.occurredAt());
        s.setString(5, row.userId());
        s.setString(6, row.paymentId());
        Bind.textArray(s, 7, row.seats());
        Bind.longValue(s, 8, row.amountCents());
        s.setString(9, row.detailJson());
        Bind.source(s, 10, row.source());
    }
}
