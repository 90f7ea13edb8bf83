package org.eventbooking.gateway.payments;

import java.time.Instant;

/**
 * One provider delivery: {@code {id, type, createdAt, data}}. {@code id} names the delivery (a
 * redelivery repeats it); {@code type} is {@code payment.succeeded}, {@code payment.failed} or
 * {@code refund.succeeded}.
 */
public record WebhookEvent(String id, String type, Instant createdAt, Data data) {

    public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String REFUND_SUCCEEDED = "refund.succeeded";

    public record Data(String paymentId, String bookingId, long amountCents, String currency, String reason) {
    }
}
