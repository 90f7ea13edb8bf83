package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eventbooking.sink.projection.PaymentChange;
import org.eventbooking.sink.projection.PaymentChange.PaymentStatus;
import org.eventbooking.sink.projection.RowChange;

/** Payments live on payment-events only, keyed by event id: one partition, so the offset orders them. */
final class PaymentsUpsert implements RowBatch<PaymentChange> {

    private static final String SQL = "INSERT INTO payments AS t (payment_id, booking_id, event_id, user_id, status,"
            + " amount_cents, currency, refunded_cents, failure_reason, refund_reason, requested_at, succeeded_at,"
            + " failed_at, refund_requested_at, refunded_at, updated_at, src_topic, src_partition, src_offset)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (payment_id) DO UPDATE SET status = EXCLUDED.status,"
            + " user_id = coalesce(EXCLUDED.user_id, t.user_id),"
            + " amount_cents = coalesce(EXCLUDED.amount_cents, t.amount_cents),"
            + " currency = coalesce(EXCLUDED.currency, t.currency),"
            + " refunded_cents = coalesce(EXCLUDED.refunded_cents, t.refunded_cents),"
            + " failure_reason = coalesce(EXCLUDED.failure_reason, t.failure_reason),"
            + " refund_reason = coalesce(EXCLUDED.refund_reason, t.refund_reason),"
            + " requested_at = coalesce(EXCLUDED.requested_at, t.requested_at),"
            + " succeeded_at = coalesce(EXCLUDED.succeeded_at, t.succeeded_at),"
            + " failed_at = coalesce(EXCLUDED.failed_at, t.failed_at),"
            + " refund_requested_at = coalesce(EXCLUDED.refund_requested_at, t.refund_requested_at),"
            + " refunded_at = coalesce(EXCLUDED.refunded_at, t.refunded_at),"
            + " updated_at = EXCLUDED.updated_at, " + Bind.SOURCE_UPDATE + Bind.forwardOnly("t");

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof PaymentChange;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public void bind(PreparedStatement s, PaymentChange change) throws SQLException {
        s.setString(1, change.paymentId());
        s.setString(2, change.bookingId());
        s.setString(3, change.eventId());
        s.setString(4, change.userId());
        s.setString(5, change.status().name());
        Bind.longValue(s, 6, change.amountCents());
        s.setString(7, change.currency());
        Bind.longValue(s, 8, change.refundedCents());
        s.setString(9, change.failureReason());
        s.setString(10, change.refundReason());
        // The fact's time goes to the column of the status it reports.
        PaymentStatus[] columns = {PaymentStatus.REQUESTED, PaymentStatus.SUCCEEDED, PaymentStatus.FAILED,
                PaymentStatus.REFUND_REQUESTED, PaymentStatus.REFUNDED};
        for (int i = 0; i < columns.length; i++) {
            Bind.instant(s, 11 + i, change.status() == columns[i] ? change.at() : null);
        }
        Bind.instant(s, 16, change.at());
        Bind.source(s, 17, change.source());
    }
}
