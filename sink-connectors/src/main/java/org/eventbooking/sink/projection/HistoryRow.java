package org.eventbooking.sink.projection;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code booking_events}: one booking or payment fact, as it was written. The detail is
 * the record's JSON as UTF-8 bytes, passed on untouched (never modified, so the array is shared).
 */
public record HistoryRow(String eventId, String bookingId, String type, Instant occurredAt, String userId,
                         String paymentId, List<String> seats, Long amountCents, byte[] detailUtf8,
                         SourcePosition source) implements RowChange {

    public HistoryRow {
        seats = seats == null ? null : List.copyOf(seats);
    }
}
