package org.eventbooking.domain.command;

/** Issued by the engine's expiry timer when a hold outlives its TTL. */
public record ExpireHold(String commandId, String userId, String eventId, String bookingId)
        implements ExistingBookingCommand {
}
