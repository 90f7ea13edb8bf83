package org.eventbooking.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.eventbooking.domain.RowOccupancy;

/**
 * Row bitmaps in the row store as their words, 8 bytes each, big-endian: a row of 100 seats is 16
 * bytes, read with no parsing. Store values are derived state, rebuilt from the log, so their
 * format is ours to pick.
 */
public final class RowOccupancySerde {

    private RowOccupancySerde() {
    }

    public static Serde<RowOccupancy> serde() {
        Serializer<RowOccupancy> serializer = (topic, row) -> row == null ? null : write(row);
        Deserializer<RowOccupancy> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(RowOccupancy row) {
        long[] words = row.words();
        ByteBuffer bytes = ByteBuffer.allocate(words.length * Long.BYTES);
        bytes.asLongBuffer().put(words);
        return bytes.array();
    }

    static RowOccupancy read(byte[] bytes) {
        if (bytes.length % Long.BYTES != 0) {
            // Earlier versions kept a 4-byte count per row here; such state cannot be read, only rebuilt.
            throw new IllegalStateException("a row-availability value of " + bytes.length + " bytes is not a row bitmap but state of an"
                    + " older version (row counts): rebuild the engine's state from the log before running this version");
        }
        long[] words = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(words);
        return RowOccupancy.ofWords(words);
    }
}
