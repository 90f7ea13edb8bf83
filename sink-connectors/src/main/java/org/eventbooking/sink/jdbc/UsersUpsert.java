package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.RowChange;
import org.eventbooking.sink.projection.UserRow;

final class UsersUpsert implements RowBatch<UserRow> {

    private static final String SQL = "INSERT INTO users AS t (user_id, email, name, role, registered_at,"
            + " src_topic, src_partition, src_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role,"
            + " registered_at = EXCLUDED.registered_at, " + Bind.SOURCE_UPDATE + Bind.forwardOnly("t");

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof UserRow;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void bind(PreparedStatement s, UserRow row) throws SQLException {
        s.setString(1, row.userId());
        s.setString(2, row.email());
        s.setString(3, row.name());
        s.setString(4, row.role());
        Bind.instant(s, 5, row.registeredAt());
        Bind.source(s, 6, row.source());
    }
}
