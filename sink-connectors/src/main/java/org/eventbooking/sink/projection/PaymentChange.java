package org.eventbooking.sink.projection;

import java.time.Instant;

/**
 * What one payment fact says about a row of {@code payments}. Null fields are unknown to this
 * fact and leave the stored value alone.
 */
public record PaymentChange(String paymentId, String bookingId, String eventId, PaymentStatus status, String userId,
                            Long amountCents, String currency, Long refundedCents, String failureReason,
                            String refundReason, Instant at, SourcePosition source) implements RowChange {

    /** The payment's life as the reporting contract names it. */
    public enum PaymentStatus { REQUESTED, SUCCEEDED, FAILED, REFUND_REQUESTED, REFUNDED }
}
