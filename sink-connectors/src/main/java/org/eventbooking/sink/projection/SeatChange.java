package org.eventbooking.sink.projection;

import java.time.Instant;
import java.util.List;

/** Seats of one event that moved to {@code status} ({@code bookingId} null once AVAILABLE again). */
public record SeatChange(String eventId, List<String> seatIds, SeatStatus status, String bookingId, Instant at,
                         SourcePosition source) implements RowChange {

    public enum SeatStatus { AVAILABLE, HELD, SOLD }

    public SeatChange {
        seatIds = List.copyOf(seatIds);
    }
}
