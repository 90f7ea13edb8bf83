package org.eventbooking.topology;

import java.util.List;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.Rejection;
import org.eventbooking.domain.event.BookingEvent;

/**
 * The committed outcome of one command: the events it appended and the booking as it then was,
 * or the rejection. A retried command (same command id) gets the very same reply.
 */
public record CommandReply(String commandId, List<BookingEvent> events, Booking booking, Rejection rejection) {

    public CommandReply {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static CommandReply accepted(String commandId, List<BookingEvent> events, Booking booking) {
        return new CommandReply(commandId, events, booking, null);
    }

    public static CommandReply rejected(String commandId, Rejection rejection) {
        return new CommandReply(commandId, List.of(), null, rejection);
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
