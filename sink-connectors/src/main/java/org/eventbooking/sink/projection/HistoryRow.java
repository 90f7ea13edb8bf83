package org.eventbooking.sink.projection;

import java.time.Instant;
import java.util.List;

/** A row of {@code booking_events}: one booking or payment fact, as it was written. */
public record HistoryRow(String eventId, String bookingId, String type, Instant occurredAt, String userId,
                         String paymentId, List<String> seats, Long amountCents, String detailJson,
                         SourcePosition source) implements RowChange {

    public HistoryRow {
        seats = seats == null ? null : List.copyOf(seats);
    }
}
