package org.eventbooking.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.sink.projection.BookingChange;
import org.eventbooking.sink.projection.BookingChange.Family;
import org.eventbooking.sink.projection.RowChange;

/**
 * Bookings are fed by two logs, so the forward-only rule is kept per family: lifecycle facts
 * compare against {@code lifecycle_partition/offset}, payment facts against
 * {@code payment_partition/offset}. Within a family all facts of an event id are in one partition,
 * in decision order, so the offset orders them. Between families the offset says nothing; there
 * the status set last by the engine wins ({@code status_at}, the fact's occurredAt: one writer per
 * event id decides both families, so its clock orders them), and a change only leaves the
 * statuses it names (a late PaymentFailed never revives an EXPIRED booking). Facts carry partial
 * data, so columns a fact does not know keep their value.
 */
final class BookingsUpsert implements RowBatch<BookingChange> {

    private static final String STATUS_APPLIES = "EXCLUDED.status_at >= t.status_at"
            + " AND (cardinality(?::text[]) = 0 OR t.status = ANY(?::text[]))";

    private final Family family;
    private final String sql;

    BookingsUpsert(Family family) {
        this.family = family;
        String f = family.name().toLowerCase(Locale.ROOT);
        this.sql = "INSERT INTO bookings AS t (booking_id, event_id, user_id, status, seats, seat_count, total_cents,"
                + " currency, payment_id, paid_cents, created_at, expires_at, confirmed_at, status_at, updated_at,"
                + " src_topic, src_partition, src_offset, " + f + "_partition, " + f + "_offset)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (booking_id) DO UPDATE SET"
                + " user_id = coalesce(t.user_id, EXCLUDED.user_id),"
                + " seats = coalesce(t.seats, EXCLUDED.seats),"
                + " seat_count = coalesce(t.seat_count, EXCLUDED.seat_count),"
                + " total_cents = coalesce(t.total_cents, EXCLUDED.total_cents),"
                + " currency = coalesce(t.currency, EXCLUDED.currency),"
                + " created_at = coalesce(t.created_at, EXCLUDED.created_at),"
                + " expires_at = coalesce(t.expires_at, EXCLUDED.expires_at),"
                + " paid_cents = coalesce(EXCLUDED.paid_cents, t.paid_cents),"
                + " confirmed_at = coalesce(EXCLUDED.confirmed_at, t.confirmed_at),"
                + " payment_id = CASE WHEN EXCLUDED.payment_id IS NOT NULL"
                + "   AND (t.payment_id IS NULL OR EXCLUDED.status_at >= t.status_at)"
                + "   THEN EXCLUDED.payment_id ELSE t.payment_id END,"
                + " status = CASE WHEN " + STATUS_APPLIES + " THEN EXCLUDED.status ELSE t.status END,"
                + " status_at = CASE WHEN " + STATUS_APPLIES + " THEN EXCLUDED.status_at ELSE t.status_at END,"
                + " updated_at = greatest(t.updated_at, EXCLUDED.updated_at), "
                + Bind.SOURCE_UPDATE + ", "
                + f + "_partition = EXCLUDED." + f + "_partition, " + f + "_offset = EXCLUDED." + f + "_offset"
                + " WHERE t." + f + "_offset IS NULL OR t." + f + "_partition <> EXCLUDED." + f + "_partition"
                + " OR t." + f + "_offset < EXCLUDED." + f + "_offset";
    }

    @Override
    public boolean accepts(RowChange change) {
        return change instanceof BookingChange booking && booking.family() == family;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public void bind(PreparedStatement s, BookingChange change) throws SQLException {
        s.setString(1, change.bookingId());
        s.setString(2, change.eventId());
        s.setString(3, change.userId());
        s.setString(4, change.status().name());
        Bind.textArray(s, 5, change.seats());
        Bind.longValue(s, 6, change.seats() == null ? null : (long) change.seats().size());
        Bind.longValue(s, 7, change.totalCents());
        s.setString(8, change.currency());
        s.setString(9, change.paymentId());
        Bind.longValue(s, 10, change.paidCents());
        Bind.instant(s, 11, change.createdAt());
        Bind.instant(s, 12, change.expiresAt());
        Bind.instant(s, 13, change.confirmedAt());
        Bind.instant(s, 14, change.at());
        Bind.instant(s, 15, change.at());
        int next = Bind.source(s, 16, change.source());
        s.setInt(next, change.source().partition());
        s.setLong(next + 1, change.source().offset());
        // The status guard appears twice (status and status_at), each with the onlyFrom array twice.
        List<String> onlyFrom = change.onlyFrom().stream().map(BookingStatus::name).sorted().toList();
        for (int i = next + 2; i < next + 6; i++) {
            Bind.textArray(s, i, onlyFrom);
        }
    }
}
