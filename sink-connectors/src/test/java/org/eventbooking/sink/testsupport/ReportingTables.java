package org.eventbooking.sink.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the reporting tables back: counts, single values and a checksum of their whole content. */
public final class ReportingTables {

    public static final List<String> TABLES = List.of("events", "event_sections", "users", "seats", "bookings",
            "payments", "booking_events");

    private ReportingTables() {
    }

    /** md5 of every table's rows in a stable order, source positions included. */
    public static Map<String, String> checksums(Connection connection) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : TABLES) {
            sums.put(table, text(connection, "SELECT coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), 'empty')"
                    + " FROM " + table + " r"));
        }
        return sums;
    }

    public static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String text(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
