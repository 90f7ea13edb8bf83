package org.eventbooking.sink.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eventbooking.sink.projection.RowChange;

/**
 * One table's share of a put, written set-based: the rows go as column arrays into one
 * {@code INSERT … SELECT … FROM unnest(…) ON CONFLICT …} (a few statements per put instead of one
 * per row). An upsert may touch a row only once per statement, so rows for the same key are split
 * into rounds, executed in log order: round k holds each key's k-th change.
 */
abstract class TableWrite<T extends RowChange> {

    /** A column: its name, and how the text in the unnest array becomes its value. */
    record Column(String name, String select) {

        static Column text(String name) {
            return new Column(name, "u." + name);
        }

        static Column typed(String name, String sqlType) {
            return new Column(name, "u." + name + "::" + sqlType);
        }
    }

    private static final char KEY_SEPARATOR = '\u0000';

    private final Class<T> type;
    private final List<Column> columns;
    private final int keyColumns;
    private final String sql;

    /**
     * @param keyColumns how many leading columns identify a row (0: insert-only, no rounds needed)
     * @param conflict   the ON CONFLICT clause, with the forward-only guard
     */
    TableWrite(Class<T> type, String table, List<Column> columns, int keyColumns, String conflict) {
        this.type = type;
        this.columns = List.copyOf(columns);
        this.keyColumns = keyColumns;
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.sql = "INSERT INTO " + table + " AS t (" + names + ") SELECT "
                + columns.stream().map(Column::select).collect(Collectors.joining(", "))
                + " FROM unnest(" + columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", "))
                + ") AS u(" + names + ") " + conflict;
    }

    boolean accepts(RowChange change) {
        return type.isInstance(change);
    }

    /** The table's rows for one change, column values as text in column order (null for SQL NULL). */
    abstract void rows(T change, Consumer<String[]> out);

    String sql() {
        return sql;
    }

    void write(Connection connection, List<RowChange> changes) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (RowChange change : changes) {
            if (accepts(change)) {
                rows(type.cast(change), rows::add);
            }
        }
        for (List<String[]> round : rounds(rows)) {
            execute(connection, round);
        }
    }

    private List<List<String[]>> rounds(List<String[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (keyColumns == 0) {
            return List.of(rows);
        }
        List<List<String[]>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String[] row : rows) {
            int round = seen.merge(key(row), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }

    private String key(String[] row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyColumns; i++) {
            key.append(row[i]).append(KEY_SEPARATOR);
        }
        return key.toString();
    }

    private void execute(Connection connection, List<String[]> round) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < columns.size(); column++) {
                String[] values = new String[round.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = round.get(row)[column];
                }
                statement.setArray(column + 1, connection.createArrayOf("text", values));
            }
            statement.executeUpdate();
        }
    }
}
