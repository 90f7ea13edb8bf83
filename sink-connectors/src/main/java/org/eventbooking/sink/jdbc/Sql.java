package org.eventbooking.sink.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eventbooking.sink.jdbc.TableWrite.Column;
import org.eventbooking.sink.projection.SourcePosition;

/** Values as the unnest arrays take them, and the source-position columns every table ends with. */
final class Sql {

    /** Separates the elements of a text[] value inside one array element; seat ids never contain it. */
    static final String LIST_SEPARATOR = "\u001f";

    static final List<Column> SOURCE_COLUMNS = List.of(Column.text("src_topic"), Column.integer("src_partition"),
            Column.bigint("src_offset"));

    static final String SOURCE_UPDATE =
            "src_topic = EXCLUDED.src_topic, src_partition = EXCLUDED.src_partition, src_offset = EXCLUDED.src_offset";

    private Sql() {
    }

    /**
     * The forward-only rule for a row fed from one partition: update only from a later offset of
     * the same topic-partition. Another topic or partition means the log was re-partitioned or
     * re-created, where offsets say nothing about order, so the newer delivery wins.
     */
    static String forwardOnly() {
        return " WHERE t.src_topic <> EXCLUDED.src_topic OR t.src_partition <> EXCLUDED.src_partition"
                + " OR t.src_offset < EXCLUDED.src_offset";
    }

    static Column list(String name) {
        return new Column(name, "string_to_array(u." + name + ", E'\\x1F')", TableWrite.ArrayType.TEXT);
    }

    /** Microseconds since the epoch, PostgreSQL's own precision, for a {@link Column#timestamp} column. */
    static Long micros(Instant value) {
        return value == null ? null : Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000);
    }

    static String text(List<String> values) {
        return values == null ? null : String.join(LIST_SEPARATOR, values);
    }

    /** The row's values followed by the source position's three. */
    static Object[] withSource(SourcePosition source, Object... values) {
        Object[] row = Arrays.copyOf(values, values.length + 3);
        row[values.length] = source.topic();
        row[values.length + 1] = source.partition();
        row[values.length + 2] = source.offset();
        return row;
    }

    static List<Column> columns(List<Column> own) {
        return concat(own, SOURCE_COLUMNS);
    }

    static List<Column> concat(List<Column> first, List<Column> second) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
