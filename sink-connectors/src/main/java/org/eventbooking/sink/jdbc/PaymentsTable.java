package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.bigint;
import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.timestamp;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.PaymentChange;
import org.eventbooking.sink.projection.PaymentChange.PaymentStatus;

/** Payments live on payment-events only, keyed by event id: one partition, so the offset orders them. */
final class PaymentsTable extends TableWrite<PaymentChange> {

    PaymentsTable() {
        super(PaymentChange.class, "payments", Sql.columns(List.of(text("payment_id"), text("booking_id"),
                        text("event_id"), text("user_id"), text("status"), bigint("amount_cents"), text("currency"),
                        bigint("refunded_cents"), text("failure_reason"), text("refund_reason"),
                        timestamp("requested_at"), timestamp("succeeded_at"),
                        timestamp("failed_at"), timestamp("refund_requested_at"),
                        timestamp("refunded_at"), timestamp("updated_at"))),
                1, "ON CONFLICT (payment_id) DO UPDATE SET status = EXCLUDED.status,"
                        + keep("user_id") + keep("amount_cents") + keep("currency") + keep("refunded_cents")
                        + keep("failure_reason") + keep("refund_reason") + keep("requested_at") + keep("succeeded_at")
                        + keep("failed_at") + keep("refund_requested_at") + keep("refunded_at")
                        + " updated_at = EXCLUDED.updated_at, " + Sql.SOURCE_UPDATE + Sql.forwardOnly());
    }

    // A fact that does not know a column leaves it as it was.
    private static String keep(String column) {
        return " " + column + " = coalesce(EXCLUDED." + column + ", t." + column + "),";
    }

    @Override
    void rows(PaymentChange p, Consumer<Object[]> out) {
        out.accept(Sql.withSource(p.source(), p.paymentId(), p.bookingId(), p.eventId(), p.userId(), p.status().name(),
                p.amountCents(), p.currency(), p.refundedCents(), p.failureReason(), p.refundReason(),
                at(p, PaymentStatus.REQUESTED), at(p, PaymentStatus.SUCCEEDED), at(p, PaymentStatus.FAILED),
                at(p, PaymentStatus.REFUND_REQUESTED), at(p, PaymentStatus.REFUNDED), Sql.micros(p.at())));
    }

    // The fact's time goes to the column of the status it reports.
    private static Long at(PaymentChange p, PaymentStatus column) {
        return p.status() == column ? Sql.micros(p.at()) : null;
    }
}
