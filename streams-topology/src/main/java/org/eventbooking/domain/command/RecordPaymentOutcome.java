package org.eventbooking.domain.command;

/**
 * The provider's verified word on a payment: it succeeded (for this amount and currency) or failed.
 * Its command id derives from the payment and outcome, so a redelivered webhook is the same command.
 */
public record RecordPaymentOutcome(String commandId, String userId, String eventId, String bookingId, String paymentId,
                                   boolean succeeded, long amountCents, String currency, String reason)
        implements ExistingBookingCommand {
}
