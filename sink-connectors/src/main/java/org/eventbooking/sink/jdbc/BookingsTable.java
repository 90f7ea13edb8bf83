package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.bigint;
import static org.eventbooking.sink.jdbc.TableWrite.Column.integer;
import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.timestamp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.sink.projection.BookingChange;
import org.eventbooking.sink.projection.BookingChange.Family;
import org.eventbooking.sink.projection.RowChange;

/**
 * Bookings are fed by two logs, so the forward-only rule is kept per family: lifecycle facts
 * compare against {@code lifecycle_partition/offset}, payment facts against
 * {@code payment_partition/offset}. Within a family all facts of an event id are in one partition,
 * in decision order, so the offset orders them. Between families the offset says nothing; there
 * the status decided last by the engine wins ({@code status_at}, the fact's occurredAt: one writer
 * per event id decides both families, so its clock orders them), and a change only leaves the
 * statuses its family allows ({@link Family#allowedFrom}). Facts carry partial data, so columns a
 * fact does not know keep their value.
 */
final class BookingsTable extends TableWrite<BookingChange> {

    private final Family family;

    BookingsTable(Family family) {
        super(BookingChange.class, "bookings", columns(family), 1, conflict(family));
        this.family = family;
    }

    private static List<Column> columns(Family family) {
        String f = prefix(family);
        return Sql.concat(Sql.columns(List.of(text("booking_id"), text("event_id"), text("user_id"), text("status"),
                        Sql.list("seats"), integer("seat_count"), bigint("total_cents"), text("currency"),
                        text("payment_id"), bigint("paid_cents"), timestamp("created_at"),
                        timestamp("expires_at"), timestamp("confirmed_at"),
                        timestamp("status_at"), timestamp("updated_at"))),
                List.of(Column.integer(f + "_partition"), Column.bigint(f + "_offset")));
    }

    private static String conflict(Family family) {
        String f = prefix(family);
        String statusApplies = "EXCLUDED.status_at >= t.status_at AND " + transitionRule(family);
        return "ON CONFLICT (booking_id) DO UPDATE SET"
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
                + " status = CASE WHEN " + statusApplies + " THEN EXCLUDED.status ELSE t.status END,"
                + " status_at = CASE WHEN " + statusApplies + " THEN EXCLUDED.status_at ELSE t.status_at END,"
                + " updated_at = greatest(t.updated_at, EXCLUDED.updated_at), " + Sql.SOURCE_UPDATE + ","
                + " " + f + "_partition = EXCLUDED." + f + "_partition, " + f + "_offset = EXCLUDED." + f + "_offset"
                + " WHERE t." + f + "_offset IS NULL OR t." + f + "_partition <> EXCLUDED." + f + "_partition"
                + " OR t." + f + "_offset < EXCLUDED." + f + "_offset";
    }

    /** {@link Family#allowedFrom} as SQL: which stored statuses a change to EXCLUDED.status may leave. */
    static String transitionRule(Family family) {
        StringBuilder rule = new StringBuilder("CASE EXCLUDED.status");
        boolean restricted = false;
        for (BookingStatus target : BookingStatus.values()) {
            Set<BookingStatus> from = family.allowedFrom(target);
            if (!from.isEmpty()) {
                restricted = true;
                rule.append(" WHEN '").append(target.name()).append("' THEN t.status IN (")
                        .append(from.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", ")))
                        .append(")");
            }
        }
        return restricted ? rule.append(" ELSE true END").toString() : "true";
    }

    private static String prefix(Family family) {
        return family.name().toLowerCase(Locale.ROOT);
    }

    @Override
    boolean accepts(RowChange change) {
        return change instanceof BookingChange booking && booking.family() == family;
    }

    @Override
    void rows(BookingChange b, Consumer<Object[]> out) {
        Object[] own = Sql.withSource(b.source(), b.bookingId(), b.eventId(), b.userId(), b.status().name(),
                Sql.text(b.seats()), b.seats() == null ? null : b.seats().size(), b.totalCents(),
                b.currency(), b.paymentId(), b.paidCents(), Sql.micros(b.createdAt()), Sql.micros(b.expiresAt()),
                Sql.micros(b.confirmedAt()), Sql.micros(b.at()), Sql.micros(b.at()));
        Object[] row = new Object[own.length + 2];
        System.arraycopy(own, 0, row, 0, own.length);
        row[own.length] = b.source().partition();
        row[own.length + 1] = b.source().offset();
        out.accept(row);
    }
}
