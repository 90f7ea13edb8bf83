package org.eventbooking.domain.command;

/** The customer (or an admin) gives held seats back. */
public record ReleaseHold(String commandId, String userId, String eventId, String bookingId, boolean byAdmin)
        implements ExistingBookingCommand {
}
