package org.eventbooking.sink.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** What a failed write means for the sink, by SQLSTATE: wait and retry, dead-letter the record, or stop. */
public enum SqlFailure {
    /** The database is away or busy (connection lost, shutting down, deadlock): retry the same records later. */
    TRANSIENT,
    /** The record's data is wrong for its table: the record goes to the dead-letter topic. */
    BAD_DATA,
    /** Configuration or schema is wrong (credentials, database, permissions): fail with the setting to fix. */
    TERMINAL;

    public static SqlFailure classify(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return TERMINAL;
        }
        if (sql instanceof SQLTransientException) {
            return TRANSIENT;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return TRANSIENT;
        }
        if (state.startsWith("22") || state.startsWith("23") || state.equals("21000")) {
            return BAD_DATA;
        }
        return TERMINAL;
    }

    public static String describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return failure.toString();
        }
        // A batch failure's own message repeats the whole statement; the server's error is the next one.
        SQLException server = sql.getNextException() == null ? sql : sql.getNextException();
        return "SQLSTATE " + sql.getSQLState() + ": " + server.getMessage();
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // A batch failure wraps the statement's own error, which names the state that matters.
                SQLException next = sql.getNextException();
                return next != null && next.getSQLState() != null && sql.getSQLState() == null ? next : sql;
            }
        }
        return null;
    }
}
