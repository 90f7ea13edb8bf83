package org.eventbooking.domain.command;

/** The organiser (or an admin) calls the whole event off. */
public record CancelEvent(String commandId, String userId, String eventId, boolean byAdmin) implements BookingCommand {
}
