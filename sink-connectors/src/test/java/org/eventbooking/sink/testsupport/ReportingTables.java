package org.eventbooking.sink.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.eventbooking.sink.jdbc.ProjectedTables;

/** Reads the reporting tables back: counts, single values and a checksum of their whole content. */
public final class ReportingTables {

    private ReportingTables() {
    }

    /** md5 of every table's rows in a stable order, source positions included (with the row count). */
    public static Map<String, String> checksums(Connection connection) throws SQLException {
        return ProjectedTables.checksums(connection);
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
