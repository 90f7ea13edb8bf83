package org.eventbooking.domain.command;

/**
 * A request to change the bookings of one event. Commands are keyed by {@link #eventId()} so one
 * writer decides every seat of an event.
 *
 * <p>{@link #commandId()} is the idempotency key: the same id always gets the original outcome.
 */
public sealed interface BookingCommand
        permits CreateEvent, HoldSeats, HoldBestAvailable, CancelEvent, ExistingBookingCommand {

    /** The user id commands issued by the engine itself (expiry) carry. */
    String SYSTEM_USER = "system";

    String commandId();

    String userId();

    String eventId();

    default int schemaVersion() {
        return 1;
    }
}
