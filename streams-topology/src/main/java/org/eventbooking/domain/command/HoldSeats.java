package org.eventbooking.domain.command;

import java.util.List;

/** Hold these exact seats for a new booking. */
public record HoldSeats(String commandId, String userId, String eventId, String bookingId, List<String> seats)
        implements BookingCommand {
}
