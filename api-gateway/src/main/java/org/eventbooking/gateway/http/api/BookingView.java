package org.eventbooking.gateway.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.Booking;

/** A booking as the API shows it (DESIGN §4). */
public record BookingView(String bookingId, String eventId, String userId, String status, List<String> seats,
                          long totalCents, String currency, Instant expiresAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> payment) {

    public static BookingView of(Booking booking) {
        return new BookingView(booking.bookingId(), booking.eventId(), booking.userId(), booking.status().name(),
                booking.seats(), booking.totalCents(), booking.currency(), booking.expiresAt(),
                booking.paymentId() == null ? null : Map.of("paymentId", booking.paymentId()));
    }
}
