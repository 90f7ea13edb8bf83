package org.eventbooking.sink.projection;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eventbooking.domain.BookingStatus;

/**
 * What one fact says about a row of {@code bookings}. Facts carry partial data (a HoldExpired knows
 * the booking and its seats, not its price), so null fields leave the stored value alone.
 *
 * @param family      which log the fact comes from; each keeps its own forward-only position
 * @param onlyFrom    the statuses this change may leave; empty means any (a payment that fails
 *                    puts a PAYMENT_PENDING booking back to HELD, but never revives an expired one)
 * @param at          when the engine decided the status: orders changes of different families
 */
public record BookingChange(String bookingId, String eventId, Family family, BookingStatus status,
                            Set<BookingStatus> onlyFrom, String userId, List<String> seats, Long totalCents,
                            String currency, String paymentId, Long paidCents, Instant createdAt, Instant expiresAt,
                            Instant confirmedAt, Instant at, SourcePosition source) implements RowChange {

    /** Booking lifecycle facts (booking-events) or payment facts (payment-events). */
    public enum Family { LIFECYCLE, PAYMENT }

    public BookingChange {
        onlyFrom = Set.copyOf(onlyFrom);
        seats = seats == null ? null : List.copyOf(seats);
    }
}
