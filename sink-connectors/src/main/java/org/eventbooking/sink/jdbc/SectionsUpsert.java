package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.RowChange;
import org.eventbooking.sink.projection.SectionRow;

final class SectionsUpsert implements RowBatch<SectionRow> {

    private static final String SQL = "INSERT INTO event_sections AS t (event_id, section, price_cents, row_count,"
            + " seats_per_row, capacity, src_topic, src_partition, src_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (event_id, section) DO UPDATE SET price_cents = EXCLUDED.price_cents,"
            + " row_count = EXCLUDED.row_count, seats_per_row = EXCLUDED.seats_per_row, capacity = EXCLUDED.capacity, "
            + Bind.SOURCE_UPDATE + Bind.forwardOnly("t");

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof SectionRow;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void bind(PreparedStatement s, SectionRow row) throws SQLException {
        s.setString(1, row.eventId());
        s.setString(2, row.section());
        s.setLong(3, row.priceCents());
        s.setInt(4, row.rows());
        s.setInt(5, row.seatsPerRow());
        s.setInt(6, row.capacity());
        Bind.source(s, 7, row.source());
    }
}
