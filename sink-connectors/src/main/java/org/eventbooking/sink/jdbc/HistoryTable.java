package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.bigint;
import static org.eventbooking.sink.jdbc.TableWrite.Column.jsonb;
import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.timestamp;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.HistoryRow;

/** History is insert-only: a fact is its log position, so a second delivery finds it there and does nothing. */
final class HistoryTable extends TableWrite<HistoryRow> {

    HistoryTable() {
        super(HistoryRow.class, "booking_events", Sql.columns(List.of(text("event_id"), text("booking_id"), text("type"),
                        timestamp("occurred_at"), text("user_id"), text("payment_id"), Sql.list("seats"),
                        bigint("amount_cents"), jsonb("detail"))),
                0, "ON CONFLICT DO NOTHING");
    }

    @Override
    void rows(HistoryRow h, Consumer<Object[]> out) {
        out.accept(Sql.withSource(h.source(), h.eventId(), h.bookingId(), h.type(), Sql.micros(h.occurredAt()), h.userId(),
                h.paymentId(), Sql.text(h.seats()), h.amountCents(), h.detailJson()));
    }
}
