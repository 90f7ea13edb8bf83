package org.eventbooking.domain.command;

/** The customer (or an admin) cancels a confirmed booking; its seats go back on sale. */
public record CancelBooking(String commandId, String userId, String eventId, String bookingId, boolean byAdmin)
        implements ExistingBookingCommand {
}
