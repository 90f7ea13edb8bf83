package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.RowChange;

/** One table's statement and how a row change binds to it; rows of one put go out as one JDBC batch. */
interface RowBatch<T extends RowChange> {

    /** Whether this batch takes the change (its type, and for bookings its family). */
    boolean accepts(RowChange change);

    String sql();

    void bind(PreparedStatement statement, T change) throws SQLException;
}
