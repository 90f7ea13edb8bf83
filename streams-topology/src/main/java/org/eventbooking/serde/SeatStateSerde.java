package org.eventbooking.serde;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.eventbooking.domain.SeatState;
import org.eventbooking.domain.SeatStatus;

/**
 * Seat states in the seat store as one status byte and the booking id. Best-available reads every
 * taken seat of a row per hold; parsing JSON for each was the engine's largest cost behind the
 * HTTP API. Store values are derived state, rebuilt from the log, so their format is ours to pick.
 */
public final class SeatStateSerde {

    // By ordinal: new statuses go at the end of SeatStatus, or stored seats would change meaning.
    private static final SeatStatus[] STATUSES = SeatStatus.values();

    private SeatStateSerde() {
    }

    public static Serde<SeatState> serde() {
        Serializer<SeatState> serializer = (topic, seat) -> seat == null ? null : write(seat);
        Deserializer<SeatState> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(SeatState seat) {
        byte[] booking = seat.bookingId() == null ? new byte[0] : seat.bookingId().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[1 + booking.length];
        bytes[0] = (byte) seat.status().ordinal();
        System.arraycopy(booking, 0, bytes, 1, booking.length);
        return bytes;
    }

    static SeatState read(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] < 0 || bytes[0] >= STATUSES.length) {
            throw new MalformedRecordException("not a seat state: " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 8))), null);
        }
        String booking = bytes.length == 1 ? null : new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        return new SeatState(STATUSES[bytes[0]], booking);
    }
}
