package org.eventbooking.domain.command;

/** A payment for the booking succeeded: sell its seats. */
public record ConfirmBooking(String commandId, String userId, String eventId, String bookingId,
                             String paymentId, long amountCents, String currency) implements ExistingBookingCommand {
}
