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
 * @param at          when the engine decided the status: orders changes of different families
 */
public record BookingChange(String bookingId, String eventId, Family family, BookingStatus status,
                            String userId, List<String> seats, Long totalCents,
                            String currency, String paymentId, Long paidCents, Instant createdAt, Instant expiresAt,
                            Instant confirmedAt, Instant at, SourcePosition source) implements RowChange {

    /** Booking lifecycle facts (booking-events) or payment facts (payment-events). */
    public enum Family {
        LIFECYCLE, PAYMENT;

        /**
         * The statuses a change of this family to {@code target} may move a booking out of; empty
         * means any. Lifecycle facts are the engine's decisions and always apply; a payment outcome
         * only moves between HELD and PAYMENT_PENDING, so a late failure never revives an expired booking.
         */
        public Set<BookingStatus> allowedFrom(BookingStatus target) {
            if (this == LIFECYCLE) {
                return Set.of();
            }
            return switch (target) {
                case PAYMENT_PENDING -> Set.of(BookingStatus.HELD);
                case HELD -> Set.of(BookingStatus.PAYMENT_PENDING);
                default -> Set.of();
            };
        }
    }

    public BookingChange {
        seats = seats == null ? null : List.copyOf(seats);
    }
}
