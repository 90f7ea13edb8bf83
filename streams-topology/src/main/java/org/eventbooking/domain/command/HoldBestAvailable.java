package org.eventbooking.domain.command;

/** Hold the best {@code quantity} available seats of a section, side by side when possible. */
public record HoldBestAvailable(String commandId, String userId, String eventId, String bookingId, String section, int quantity)
        implements BookingCommand {
}
