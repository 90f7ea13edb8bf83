package org.eventbooking.gateway.payments;

/**
 * The payment provider, as the engine needs it: start a checkout for an amount, and pay a refund.
 * Outcomes come back later through the signed webhook, never as return values, so the engine
 * never handles card data and a provider that answers late changes nothing.
 */
public interface PaymentProvider {

    /** Registers an intent and returns the URL the customer pays at. */
    String checkout(String paymentId, String bookingId, long amountCents, String currency);

    /** Asks for a refund; idempotent per payment id. Its outcome arrives as a {@code refund.succeeded} webhook. */
    void refund(String paymentId, String bookingId, long amountCents, String currency);
}
