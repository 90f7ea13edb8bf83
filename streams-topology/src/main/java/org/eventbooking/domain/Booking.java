package org.eventbooking.domain;

import java.time.Instant;
import java.util.List;

/** One customer's claim on seats of one event. {@code paymentId} is null until paid. */
public record Booking(
        String bookingId,
        String eventId,
        String userId,
        BookingStatus status,
        List<String> seats,
        long totalCents,
        String currency,
        Instant createdAt,
        Instant expiresAt,
        String paymentId,
        Instant updatedAt) {

    public Booking {
        seats = List.copyOf(seats);
    }

    public Booking withStatus(BookingStatus newStatus, Instant at) {
        return new Booking(bookingId, eventId, userId, newStatus, seats, totalCents, currency, createdAt, expiresAt, paymentId, at);
    }

    /** Paying with {@code paymentId}: the payment the booking now waits for. */
    public Booking paying(String withPaymentId, Instant at) {
        return new Booking(bookingId, eventId, userId, BookingStatus.PAYMENT_PENDING, seats, totalCents, currency, createdAt, expiresAt,
                withPaymentId, at);
    }

    public Booking confirmed(String byPaymentId, Instant at) {
        return new Booking(bookingId, eventId, userId, BookingStatus.CONFIRMED, seats, totalCents, currency, createdAt, expiresAt, byPaymentId, at);
    }
}
