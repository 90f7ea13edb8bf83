package org.eventbooking.sink.jdbc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.eventbooking.sink.projection.SourcePosition;

/** Null-aware parameter binding, and the source-position columns every table ends with. */
final class Bind {

    private Bind() {
    }

    static void instant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    static void longValue(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static void textArray(PreparedStatement statement, int index, List<String> values) throws SQLException {
        if (values == null) {
            statement.setNull(index, Types.ARRAY);
        } else {
            Array array = statement.getConnection().createArrayOf("text", values.toArray());
            statement.setArray(index, array);
        }
    }

    /** Binds topic, partition and offset from {@code index}; returns the next free index. */
    static int source(PreparedStatement statement, int index, SourcePosition source) throws SQLException {
        statement.setString(index, source.topic());
        statement.setInt(index + 1, source.partition());
        statement.setLong(index + 2, source.offset());
        return index + 3;
    }

    /**
     * The forward-only rule for a row fed from one partition: update only from a later offset of
     * the same topic-partition. Another topic or partition means the log was re-partitioned or
     * re-created, where offsets say nothing about order, so the newer delivery wins.
     */
    static String forwardOnly(String alias) {
        return " WHERE " + alias + ".src_topic <> EXCLUDED.src_topic OR " + alias + ".src_partition <> EXCLUDED.src_partition"
                + " OR " + alias + ".src_offset < EXCLUDED.src_offset";
    }

    static final String SOURCE_UPDATE =
            "src_topic = EXCLUDED.src_topic, src_partition = EXCLUDED.src_partition, src_offset = EXCLUDED.src_offset";
}
