package org.eventbooking.sink.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables the sink projects the log into, as a whole: a checksum of their content (to prove a
 * replay gives the same tables) and emptying them (to rebuild them from the log).
 */
public final class ProjectedTables {

    public static final List<String> TABLES = List.of("events", "event_sections", "users", "seats", "bookings",
            "payments", "booking_events");

    private ProjectedTables() {
    }

    /**
     * A row as compared. {@code bookings} is fed by two logs, and which of them updated a row last
     * depends on how the sink happened to interleave them: its {@code src_*} columns ("last updated
     * from") differ between two correct projections of the same log, so they are left out there.
     * The positions its forward-only rule relies on, {@code lifecycle_*} and {@code payment_*}, are
     * compared like every other column.
     */
    private static final Map<String, String> ROW_AS_COMPARED = Map.of(
            "bookings", "(to_jsonb(r) - 'src_topic' - 'src_partition' - 'src_offset')::text");

    /** md5 of every table's rows in a stable order, source positions included (see {@link #ROW_AS_COMPARED}). */
    public static Map<String, String> checksums(Connection connection) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : TABLES) {
            String row = ROW_AS_COMPARED.getOrDefault(table, "r::text");
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", '|' ORDER BY " + row + ")), 'empty') FROM "
                            + table + " r")) {
                rs.next();
                sums.put(table, rs.getString(1));
            }
        }
        return sums;
    }

    /** Empties every projected table in one statement (the history's partitions included); views follow. */
    public static void truncate(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", TABLES));
        }
    }
}
