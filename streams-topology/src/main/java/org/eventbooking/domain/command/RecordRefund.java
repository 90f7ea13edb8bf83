package org.eventbooking.domain.command;

/** The provider's verified word that a refund was paid out. */
public record RecordRefund(String commandId, String userId, String eventId, String bookingId, String paymentId, long amountCents)
        implements ExistingBookingCommand {
}
