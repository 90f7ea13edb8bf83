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

    /** md5 of every table's rows in a stable order, source positions included. */
    public static Map<String, String> checksums(Connection connection) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), 'empty') FROM " + table + " r")) {
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
