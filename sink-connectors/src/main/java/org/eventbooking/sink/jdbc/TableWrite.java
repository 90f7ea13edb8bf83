package org.eventbooking.sink.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eventbooking.sink.projection.RowChange;

/**
 * One table's share of a put, written set-based: the rows go as column arrays into one
 * {@code INSERT … SELECT … FROM unnest(…) ON CONFLICT …} (a few statements per put instead of one
 * per row). Numbers and instants travel as binary int4/int8 arrays, so neither side formats or
 * parses them as text. An upsert may touch a row only once per statement, so rows for the same key
 * are split into rounds, executed in log order: round k holds each key's k-th change.
 */
abstract class TableWrite<T extends RowChange> {

    /** The element type of a column's unnest array: how its values are sent. */
    enum ArrayType {
        TEXT("text"), INT("int4"), BIGINT("int8");

        final String sqlName;

        ArrayType(String sqlName) {
            this.sqlName = sqlName;
        }

        Object[] array(Object[] values) {
            return switch (this) {
                case TEXT -> copy(values, new String[values.length], v -> (String) v);
                case INT -> copy(values, new Integer[values.length], v -> ((Number) v).intValue());
                case BIGINT -> copy(values, new Long[values.length], v -> ((Number) v).longValue());
            };
        }

        private static <E> E[] copy(Object[] values, E[] into, Function<Object, E> convert) {
            for (int i = 0; i < values.length; i++) {
                into[i] = values[i] == null ? null : convert.apply(values[i]);
            }
            return into;
        }
    }

    /** A column: its name, how the unnest array's element becomes its value, and the array's type. */
    record Column(String name, String select, ArrayType type) {

        static Column text(String name) {
            return new Column(name, "u." + name, ArrayType.TEXT);
        }

        static Column integer(String name) {
            return new Column(name, "u." + name, ArrayType.INT);
        }

        static Column bigint(String name) {
            return new Column(name, "u." + name, ArrayType.BIGINT);
        }

        /** An instant sent as microseconds since the epoch ({@link Sql#micros}): exact, and no text to parse. */
        static Column timestamp(String name) {
            return new Column(name, "timestamptz 'epoch' + u." + name + " * interval '1 microsecond'", ArrayType.BIGINT);
        }

        static Column jsonb(String name) {
            return new Column(name, "u." + name + "::jsonb", ArrayType.TEXT);
        }
    }

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
                + " FROM unnest(" + columns.stream().map(c -> "?::" + c.type().sqlName + "[]").collect(Collectors.joining(", "))
                + ") AS u(" + names + ") " + conflict;
    }

    boolean accepts(RowChange change) {
        return type.isInstance(change);
    }

    /** The table's rows for one change, values in column order as their array type takes them (null for SQL NULL). */
    abstract void rows(T change, Consumer<Object[]> out);

    String sql() {
        return sql;
    }

    void write(Connection connection, List<RowChange> changes) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (RowChange change : changes) {
            if (accepts(change)) {
                rows(type.cast(change), rows::add);
            }
        }
        for (List<Object[]> round : rounds(rows)) {
            execute(connection, round);
        }
    }

    private List<List<Object[]>> rounds(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (keyColumns == 0) {
            return List.of(rows);
        }
        List<List<Object[]>> rounds = new ArrayList<>();
        Map<Object, Integer> seen = new HashMap<>();
        for (Object[] row : rows) {
            int round = seen.merge(key(row), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }

    private Object key(Object[] row) {
        return keyColumns == 1 ? row[0] : List.of(Arrays.copyOf(row, keyColumns));
    }

    private void execute(Connection connection, List<Object[]> round) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < columns.size(); column++) {
                Object[] values = new Object[round.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = round.get(row)[column];
                }
                ArrayType type = columns.get(column).type();
                statement.setArray(column + 1, connection.createArrayOf(type.sqlName, type.array(values)));
            }
            statement.executeUpdate();
        }
    }
}
