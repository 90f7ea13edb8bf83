package org.eventbooking.domain.command;

/** The owner starts paying for a held booking with a new payment id from the provider. */
public record RequestPayment(String commandId, String userId, String eventId, String bookingId, String paymentId)
        implements ExistingBookingCommand {
}
